using Grpc.Core;

namespace CivilAffairs.Gateway;

/// <summary>
/// How the gateway itself says no: problem JSON to REST callers and a gRPC status (a trailers-only response) to gRPC
/// callers, whose clients cannot read an HTML or JSON body.
/// </summary>
internal static class GatewayRefusal
{
    public static Task WriteAsync(HttpContext context, int httpStatus, StatusCode grpcStatus, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        if (IsGrpc(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)grpcStatus).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"{title}: {detail}");
            return Task.CompletedTask;
        }
        return Results.Problem(statusCode: httpStatus, title: title, detail: detail, extensions: extensions)
            .ExecuteAsync(context);
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
