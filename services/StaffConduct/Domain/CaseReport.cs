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
