using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace CivilAffairs.Gateway;

/// <summary>
/// Refuses what no service should have to parse, before it is forwarded: a body above <c>RequestLimits:MaxBodyBytes</c>
/// (413; also enforced while streaming a body of unknown length), and REST JSON that is malformed or nested deeper than
/// <c>RequestLimits:MaxJsonDepth</c> (400). Header sizes are Kestrel's limits (<c>Kestrel:Limits</c>, 431).
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _maxBodyBytes = configuration.GetValue("RequestLimits:MaxBodyBytes", 1024L * 1024);
    private readonly int _maxJsonDepth = configuration.GetValue("RequestLimits:MaxJsonDepth", 32);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _maxBodyBytes)
        {
            await TooLarge(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = _maxBodyBytes;

        if (request.HasJsonContentType() && !GatewayRefusal.IsGrpc(request))
        {
            string? problem;
            try
            {
                problem = await JsonProblemAsync(request);
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await TooLarge(context);
                return;
            }
            if (problem is not null)
            {
                await GatewayRefusal.WriteAsync(context, StatusCodes.Status400BadRequest, Grpc.Core.StatusCode.InvalidArgument,
                    "Malformed request body", problem);
                return;
            }
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge
            && !context.Response.HasStarted)
        {
            // A body of unknown length (a gRPC stream, chunked JSON) outgrew the limit while a later step read it.
            await TooLarge(context);
        }
    }

    /// <summary>Why the JSON body cannot be accepted, or null; the body is rewound for forwarding.</summary>
    private async Task<string?> JsonProblemAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: _maxBodyBytes);
        using var copy = new MemoryStream(request.ContentLength is > 0 and <= 64 * 1024 ? (int)request.ContentLength.Value : 0);
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (copy.Length == 0) return null; // the service names the missing fields
        return Check(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private string? Check(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = _maxJsonDepth });
        try
        {
            while (reader.Read()) { }
            return null;
        }
        catch (JsonException) when (reader.CurrentDepth >= _maxJsonDepth - 1)
        {
            return $"the JSON body is nested deeper than {_maxJsonDepth} levels";
        }
        catch (JsonException error)
        {
            return $"the JSON body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})";
        }
    }

    private Task TooLarge(HttpContext context) => GatewayRefusal.WriteAsync(context,
        StatusCodes.Status413PayloadTooLarge, Grpc.Core.StatusCode.ResourceExhausted, "Request body too large",
        $"The request body must be at most {_maxBodyBytes} bytes.");
}
