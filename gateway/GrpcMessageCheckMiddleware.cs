using System.Buffers.Binary;
using CivilAffairs.Gateway.Contracts;
using Google.Protobuf;

namespace CivilAffairs.Gateway;

/// <summary>
/// A unary gRPC call must carry exactly one message that decodes as the method's request type; a truncated or
/// garbled one is refused here with INVALID_ARGUMENT naming the type, instead of reaching the service (whose gRPC
/// stack would answer UNKNOWN). Compressed messages and methods outside the contracts go through unchecked.
/// </summary>
internal sealed class GrpcMessageCheckMiddleware(RequestDelegate next, ContractCatalog contracts)
{
    private readonly Dictionary<string, ContractMethod> _unary = contracts.Methods
        .Where(m => !m.Method.IsClientStreaming)
        .ToDictionary(m => m.GrpcPath, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (GatewayRefusal.IsGrpc(context.Request) && _unary.TryGetValue(context.Request.Path.Value ?? "", out var method)
            && await ProblemAsync(context.Request, method) is { } problem)
        {
            await GatewayRefusal.WriteAsync(context, StatusCodes.Status400BadRequest, Grpc.Core.StatusCode.InvalidArgument,
                "Malformed gRPC message", problem);
            return;
        }
        await next(context);
    }

    private static async Task<string?> ProblemAsync(HttpRequest request, ContractMethod method)
    {
        // A unary call's one message, read once into memory and forwarded from there (no second buffering stream).
        var copy = new MemoryStream(request.ContentLength is > 0 and <= 1024 * 1024 ? (int)request.ContentLength.Value : 256);
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        copy.Position = 0;
        request.Body = copy;
        request.HttpContext.Response.RegisterForDispose(copy);
        var body = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        var type = method.Method.InputType.FullName;

        if (body.Length < 5) return $"the call carries no complete {type} message";
        if (body.Span[0] != 0) return null; // compressed: the service decompresses and checks it
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.Span[1..5]);
        if (length != body.Length - 5) return $"the {type} message is {body.Length - 5} bytes but announces {length}";
        try
        {
            method.Method.InputType.Parser.ParseFrom(body.Span[5..]);
            return null;
        }
        catch (InvalidProtocolBufferException error)
        {
            return $"the {type} message cannot be decoded: {error.Message}";
        }
    }
}
