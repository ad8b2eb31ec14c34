namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// The office's time: now, and which calendar day an instant falls on in the office's time zone (Asia/Shanghai by
/// default), because "ratings of 1 November" means the clerk's 1 November, not UTC's.
/// </summary>
public sealed class OfficeClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Now, to the millisecond: what every store keeps, so a record read back equals the one written.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }

    public DateOnly Today => DayOf(Now);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The zone by id; China has kept UTC+8 without daylight saving since 1991, the fallback when the
    /// machine has no time-zone database.</summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultTimeZone)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
