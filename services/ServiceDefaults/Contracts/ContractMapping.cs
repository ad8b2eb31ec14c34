using CivilAffairs.Common.V1;
using CivilAffairs.SharedKernel;
using Google.Protobuf.WellKnownTypes;

namespace CivilAffairs.ServiceDefaults.Contracts;

/// <summary>Translations between the shared contract messages and the shared kernel, used by every Api room.</summary>
public static class ContractMapping
{
    public static Window ToDomain(this WindowType window) => (Window)(int)window;

    public static WindowType ToContract(this Window window) => (WindowType)(int)window;

    /// <summary>Parses a window sent by a caller, refusing UNSPECIFIED and unknown numbers.</summary>
    public static Window RequireWindow(this WindowType window, string field)
    {
        var domain = window.ToDomain();
        if (!domain.IsDefined()) throw new ValidationFailed(field, "must be one of the ten window types");
        return domain;
    }

    public static Timestamp ToTimestamp(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? ToTimestamp(this DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static MaskedPerson ToMaskedPerson(string name, ResidentIdNumber idNumber) => new()
    {
        MaskedName = Masking.MaskName(name),
        MaskedIdNumber = idNumber.Masked,
        Sex = idNumber.Sex == Sex.Male ? "MALE" : "FEMALE",
    };
}
