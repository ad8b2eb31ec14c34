using System.Text.Json;

namespace CivilAffairs.SharedKernel;

/// <summary>One announced year: its public holidays and the weekend days worked in exchange.</summary>
public sealed record OfficialYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkedWeekendDays)
{
    /// <summary>From lists of dates or ranges "first..last" (both included), as the file and configuration write them.</summary>
    public static OfficialYear Parse(int year, IEnumerable<string> holidays, IEnumerable<string> workedWeekendDays, string source)
    {
        var off = holidays.SelectMany(h => Days(h, $"{source}:{year}:Holidays")).ToList();
        var worked = workedWeekendDays.SelectMany(w => Days(w, $"{source}:{year}:WorkedWeekendDays")).ToList();
        foreach (var day in off.Concat(worked))
            if (day.Year != year) throw new FormatException($"{source}: {Dates.Format(day)} is not in {year}");
        foreach (var day in worked)
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new FormatException($"{source}: {Dates.Format(day)} is listed as a weekend day worked but is a {day.DayOfWeek}");
        return new OfficialYear(year, off, worked);
    }

    private static IEnumerable<DateOnly> Days(string text, string field)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        var first = Dates.ParseDate(parts[0], field);
        var last = parts.Length == 2 ? Dates.ParseDate(parts[1], field) : first;
        if (parts.Length > 2 || last < first) throw new FormatException($"{field}: '{text}' is not a date or a range first..last");
        for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
    }
}

/// <summary>The repository's <c>official-calendar.json</c>, carried inside this assembly.</summary>
public static class OfficialCalendarFile
{
    public static IReadOnlyList<OfficialYear> Load()
    {
        using var stream = typeof(OfficialCalendarFile).Assembly.GetManifestResourceStream("official-calendar.json")
            ?? throw new InvalidOperationException("official-calendar.json is missing from the SharedKernel assembly");
        return Parse(stream);
    }

    public static IReadOnlyList<OfficialYear> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("years").EnumerateArray().Select(y => OfficialYear.Parse(
            y.GetProperty("year").GetInt32(),
            y.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()!),
            y.GetProperty("workedWeekendDays").EnumerateArray().Select(w => w.GetString()!),
            "official-calendar.json")).ToList();
    }
}
