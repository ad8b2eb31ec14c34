namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// Cases a staff member handled in a month, as reported by a case-handling service (marriage, social assistance).
/// Each report carries the sender's event id: a delivery repeated by the sender's outbox is recognised by it.
/// </summary>
public sealed record CaseReport(string EventId, string StaffId, Window Window, Month Month, int Count, string Source, DateTimeOffset ReceivedAt)
{
    public const int MaxCount = 10_000;

    /// <summary>The services that report cases, and the window each one serves.</summary>
    public static readonly IReadOnlyDictionary<string, Window> KnownSources = new Dictionary<string, Window>
    {
        ["marriage"] = Window.MarriageRegistration,
        ["social-assistance"] = Window.SocialAssistance,
    };
}

/// <summary>The ledger of case reports (port).</summary>
public interface ICaseLedger
{
    /// <summary>Stores a report; false when a report with its event id is already stored (nothing stored then).</summary>
    Task<bool> AddAsync(CaseReport report, string fingerprint, CancellationToken cancellationToken = default);

    Task<Remembered<CaseReport>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Cases per staff member for the month, summed over every report (staff without reports are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> TotalsAsync(IReadOnlyCollection<string> staffIds, Month month, CancellationToken cancellationToken = default);
}
