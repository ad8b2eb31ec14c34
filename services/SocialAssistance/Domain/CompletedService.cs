namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The decisions that complete a service for a household, and so invite a rating and count as a case handled.
/// Intermediate steps (acceptance, investigation, review, posting, paperwork after an emergency payment) do not.
/// </summary>
public enum CompletedService
{
    /// <summary>Dibao confirmed: the household receives it from the next month.</summary>
    DibaoConfirmed,
    /// <summary>Dibao refused and the refusal notified to the household in writing.</summary>
    DibaoRefusalNotified,
    /// <summary>Temporary assistance approved after its posting and paid.</summary>
    TemporaryPaid,
    /// <summary>Emergency (急难型) temporary assistance paid on the fast track.</summary>
    EmergencyPaid,
    /// <summary>Extreme-poverty support (特困供养) approved.</summary>
    ExtremePovertyApproved,
}

public static class CompletedServices
{
    /// <summary>The kind as written in a service reference, "assistance:&lt;kind&gt;:&lt;case id&gt;".</summary>
    public static string ReferenceCode(this CompletedService kind) => kind switch
    {
        CompletedService.DibaoConfirmed => "dibao-confirmed",
        CompletedService.DibaoRefusalNotified => "dibao-refused",
        CompletedService.TemporaryPaid => "temporary",
        CompletedService.EmergencyPaid => "emergency",
        CompletedService.ExtremePovertyApproved => "extreme-poverty",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
