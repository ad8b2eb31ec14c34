using System.Collections.Frozen;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CivilAffairs.ServiceDefaults.Contracts;

/// <summary>
/// What the contracts say of each RPC: a method whose REST route is a GET only reads, everything else changes state.
/// Reads may be retried freely; changes are retried only with an idempotency key.
/// </summary>
public static class RpcCatalog
{
    private static readonly FrozenSet<string> Reads = Build();

    /// <param name="fullMethod">e.g. <c>/civilaffairs.marriage.v1.MarriageAppointments/GetAppointment</c></param>
    public static bool IsRead(string fullMethod) => Reads.Contains(fullMethod);

    private static FrozenSet<string> Build()
    {
        FileDescriptor[] files =
        [
            Marriage.V1.MarriageReflection.Descriptor, SocialAssistance.V1.SocialAssistanceReflection.Descriptor,
            StaffConduct.V1.StaffConductReflection.Descriptor, Feedback.V1.FeedbackReflection.Descriptor,
        ];
        return files
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Where(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: HttpRule.PatternOneofCase.Get })
            .Select(m => $"/{m.Service.FullName}/{m.Name}")
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
