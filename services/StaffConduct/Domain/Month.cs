using System.Globalization;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A calendar month as the contracts write it: "YYYY-MM".</summary>
public readonly record struct Month(int Year, int Number)
{
    public const int MinYear = 1900;

    public DateOnly First => new(Year, Number, 1);
    // Written without AddMonths: 9999-12 has a last day but no next month.
    public DateOnly Last => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Number;

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required (YYYY-MM)");
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            throw new ValidationFailed(field, "must be a month written YYYY-MM");
        // The platform's records begin long after 1900; an earlier month is a mistake, not history.
        if (first.Year < MinYear) throw new ValidationFailed(field, $"must be a month from {MinYear}-01");
        return Of(first);
    }

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
