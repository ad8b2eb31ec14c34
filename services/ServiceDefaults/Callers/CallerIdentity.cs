using System.Security.Claims;
using Grpc.Core;

namespace CivilAffairs.ServiceDefaults.Callers;

/// <summary>Who is calling a service: the partner on whose behalf the gateway calls, or the calling service itself,
/// as its verified credential says. Keys of idempotent calls and audit lines are scoped by it.</summary>
public static class CallerIdentity
{
    /// <summary>The claim of a service credential that names the partner behind the call.</summary>
    public const string PartnerClaim = "partner";

    /// <summary>The claim that names the calling service (the gateway, or a service calling another).</summary>
    public const string ServiceClaim = "svc";

    public const string Anonymous = "anonymous";

    public static string Of(ServerCallContext context) => Of(context.GetHttpContext().User);

    public static string Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        var partner = user.FindFirst(PartnerClaim)?.Value;
        if (!string.IsNullOrEmpty(partner)) return "partner:" + partner;
        var service = user.FindFirst(ServiceClaim)?.Value ?? user.Identity.Name;
        return string.IsNullOrEmpty(service) ? Anonymous : "service:" + service;
    }
}
