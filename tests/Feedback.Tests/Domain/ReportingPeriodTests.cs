using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class ReportingPeriodTests
{
    [Fact]
    public void Both_ends_are_optional_and_inclusive()
    {
        var period = ReportingPeriod.Parse("2026-11-01", "2026-11-30");

        Assert.True(period.Contains(new DateOnly(2026, 11, 1)));
        Assert.True(period.Contains(new DateOnly(2026, 11, 30)));
        Assert.False(period.Contains(new DateOnly(2026, 12, 1)));
        Assert.True(ReportingPeriod.Parse("", null).Contains(new DateOnly(1999, 1, 1)));
    }

    [Fact]
    public void Bad_dates_name_their_fields()
    {
        var error = Assert.Throws<ValidationFailed>(() => ReportingPeriod.Parse("2026-02-30", "tomorrow"));

        Assert.Equal(["from_date", "to_date"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var error = Assert.Throws<ValidationFailed>(() => ReportingPeriod.Parse("2026-11-30", "2026-11-01"));

        Assert.Equal("to_date", error.Violations.Single().Field);
    }

    [Fact]
    public void The_office_day_is_the_day_in_Beijing()
    {
        var clock = new OfficeClock(new FakeTimeProvider(), OfficeClock.FindZone(null));

        Assert.Equal(new DateOnly(2026, 11, 2), clock.DayOf(new DateTimeOffset(2026, 11, 1, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 1), clock.DayOf(new DateTimeOffset(2026, 11, 1, 15, 59, 59, TimeSpan.Zero)));
    }
}
