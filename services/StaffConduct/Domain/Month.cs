using System.Globalization;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A calendar month as the contracts write it: "YYYY-MM".</summary>
public readonly record struct Month(int Year, int Number)
{
    public DateOnly First => new(Year, Number, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Number;

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required (YYYY-MM)");
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            throw new ValidationFailed(field, "must be a month written YYYY-MM");
        return Of(first);
    }

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
