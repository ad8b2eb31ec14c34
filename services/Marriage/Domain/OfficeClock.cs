namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// "Today" at the office. Dates of appointments are the office's local dates, so "a date in the past" is judged in
/// the office's time zone, not the server's.
/// </summary>
public sealed class OfficeClock(TimeProvider time, TimeZoneInfo zone)
{
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
