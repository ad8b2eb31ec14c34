namespace CivilAffairs.DayAtTheBureau;

/// <summary>Dates as the bureau sees them (UTC+8), written as the APIs want them ("YYYY-MM-DD").</summary>
public static class OfficeCalendar
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The first weekday at least <paramref name="days"/> ahead: appointments are booked in advance.</summary>
    public static string WeekdayAhead(int days)
    {
        var date = Today.AddDays(days);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return Format(date);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd");
}
