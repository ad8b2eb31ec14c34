using CivilAffairs.ServiceDefaults.Callers;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>
/// Who reads as the public: every caller that is not a partner, above all the gateway's anonymous routes (the public
/// suggestion box of the hall screens, the public figures), whose credential names no partner. Their free text is
/// masked here, in the service, before it leaves: the browser page is not the place to hide a phone number.
/// </summary>
internal static class PublicReaders
{
    public static bool IsPublic(ServerCallContext context) =>
        !CallerIdentity.Of(context).StartsWith("partner:", StringComparison.Ordinal);
}
