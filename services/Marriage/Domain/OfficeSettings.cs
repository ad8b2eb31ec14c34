using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>An office's booking rules: how far ahead and from what time booking opens, its windows, walk-ins.</summary>
public sealed record OfficeSettings(string OfficeId, string Name, int BookingHorizonDays, TimeOnly BookingOpensAt, int Windows, bool WalkInsAllowed)
{
    public const int MaxHorizonDays = 180;
    public const int MaxWindows = 50;

    public static OfficeSettings Defaults(string officeId, MarriageOptions options) => new(
        officeId, officeId, options.BookingHorizonDays, Dates.ParseTime(options.BookingOpensAt, "Marriage:BookingOpensAt"),
        options.Windows, options.WalkInsAllowed);

    public static OfficeSettings Create(string officeId, string? name, int horizonDays, TimeOnly opensAt, int windows, bool walkIns)
    {
        var validator = new Validator()
            .Require(horizonDays is >= 1 and <= MaxHorizonDays, "booking_horizon_days", $"must be between 1 and {MaxHorizonDays}")
            .Require(windows is >= 1 and <= MaxWindows, "windows", $"must be between 1 and {MaxWindows}")
            .Require((name ?? "").Length <= 100, "name", "must be at most 100 characters");
        validator.ThrowIfInvalid();
        return new OfficeSettings(officeId, string.IsNullOrWhiteSpace(name) ? officeId : name.Trim(), horizonDays, opensAt, windows, walkIns);
    }

    /// <summary>When booking for <paramref name="date"/> opens: <see cref="BookingHorizonDays"/> before it, at the opening time.</summary>
    public DateTimeOffset BookingOpensFor(DateOnly date, OfficeClock clock) =>
        clock.At(date.AddDays(-BookingHorizonDays), BookingOpensAt);
}
