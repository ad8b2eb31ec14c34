namespace CivilAffairs.Gateway;

/// <summary>A path no route serves: 404 as problem JSON (gRPC UNIMPLEMENTED to gRPC callers).</summary>
internal static class UnknownRoute
{
    public static Task Handle(HttpContext context) => GatewayRefusal.WriteAsync(context,
        StatusCodes.Status404NotFound, Grpc.Core.StatusCode.Unimplemented,
        title: "No such route",
        detail: "The gateway serves REST under /api/marriage/v1, /api/assistance/v1, /api/staff/v1 and /api/feedback/v1, "
            + "and gRPC under the civilaffairs.<service>.v1 packages.");
}
