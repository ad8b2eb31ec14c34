namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// The bureau's calendar day. Deadlines are local dates ("today or later", "overdue after the deadline day"), so the
/// day turns at local midnight, not at UTC midnight; the offset is configuration (<c>StaffConduct:UtcOffset</c>).
/// </summary>
public sealed class BureauClock(TimeProvider time, TimeSpan utcOffset)
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(utcOffset).DateTime);
}
