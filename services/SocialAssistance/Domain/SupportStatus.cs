namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where an extreme-poverty or temporary-assistance case stands. Numbers match the contract.</summary>
public enum SupportStatus
{
    Unspecified = 0,
    /// <summary>Temporary assistance on the normal route, waiting for its review.</summary>
    Submitted = 1,
    /// <summary>Extreme-poverty support paid every month.</summary>
    Active = 2,
    /// <summary>Emergency assistance paid first; the paperwork is still to be completed.</summary>
    PaperworkPending = 3,
    /// <summary>Emergency assistance with its paperwork completed.</summary>
    Completed = 4,
    /// <summary>Temporary assistance reviewed and paid.</summary>
    Paid = 5,
    /// <summary>Temporary assistance on the normal route, publicly posted before it is approved.</summary>
    Posted = 6,
    /// <summary>Extreme-poverty support suspended with written reasons: paid to the month of the decision.</summary>
    Suspended = 7,
    /// <summary>Extreme-poverty support stopped with written reasons (death, recovered capacity, income, moved away).</summary>
    Stopped = 8,
    /// <summary>Temporary assistance refused with written reasons, to be notified in writing.</summary>
    Refused = 9,
}
