using System.Globalization;

namespace CivilAffairs.SharedKernel;

/// <summary>Dates and times as they travel in the contracts: "YYYY-MM-DD" and "HH:mm".</summary>
public static class Dates
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public static DateOnly ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required (YYYY-MM-DD)");
        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ValidationFailed(field, "must be a date that exists, written YYYY-MM-DD");
        return date;
    }

    public static DateOnly? ParseOptionalDate(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : ParseDate(text, field);

    public static TimeOnly ParseTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required (HH:mm)");
        if (!TimeOnly.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw new ValidationFailed(field, "must be a time written HH:mm");
        return time;
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
    public static string Format(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
