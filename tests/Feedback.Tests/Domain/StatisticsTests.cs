using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class StatisticsTests
{
    private readonly InMemoryRatingStore _ratings = new();
    private readonly Statistics _statistics;

    public StatisticsTests() => _statistics = new Statistics(_ratings, null!, null!,
        new OfficeClock(new FakeTimeProvider(), OfficeClock.FindZone(null)));

    private void Rated(string day, RatingLevel level, Window window = Window.ElderlyCare, string? staff = "staff-1") =>
        _ratings.Rows.Add(new Rating(Guid.NewGuid().ToString("N"), window, staff, Guid.NewGuid().ToString("N"), level, null,
            RatingChannel.Web, DateTimeOffset.UnixEpoch, Dates.ParseDate(day, "day")));

    [Fact]
    public async Task A_trend_lists_every_month_of_a_closed_period_with_its_own_rate()
    {
        Rated("2026-08-31", RatingLevel.Satisfied);
        Rated("2026-09-01", RatingLevel.Satisfied);
        Rated("2026-09-30", RatingLevel.Dissatisfied);
        Rated("2026-11-15", RatingLevel.VerySatisfied);
        Rated("2026-11-15", RatingLevel.VerySatisfied, Window.PlaceNames);

        var trend = await _statistics.TrendAsync(new RatingScope.OfWindow(Window.ElderlyCare),
            new ReportingPeriod(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)));

        Assert.Equal(["2026-09", "2026-10", "2026-11"], trend.Select(m => m.Month));
        Assert.Equal([2, 0, 1], trend.Select(m => m.Figures.Total));
        Assert.Equal([0.5, 0, 1], trend.Select(m => m.Figures.SatisfactionRate));
    }

    [Fact]
    public async Task An_open_period_lists_only_the_months_that_have_ratings_and_a_huge_one_is_refused()
    {
        Rated("2025-01-10", RatingLevel.Satisfied);
        Rated("2026-03-10", RatingLevel.Satisfied);

        var trend = await _statistics.TrendAsync(new RatingScope.OfStaff("staff-1"), ReportingPeriod.Always);
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _statistics.TrendAsync(new RatingScope.OfStaff("staff-1"),
            new ReportingPeriod(new DateOnly(2000, 1, 1), new DateOnly(2026, 1, 1))));

        Assert.Equal(["2025-01", "2026-03"], trend.Select(m => m.Month));
        Assert.Equal("to_date", error.Violations.Single().Field);
    }

    [Fact]
    public async Task Staff_are_ranked_by_rate_then_by_how_many_rated_them()
    {
        Rated("2026-11-02", RatingLevel.Satisfied, staff: "a");
        Rated("2026-11-02", RatingLevel.Dissatisfied, staff: "a");
        Rated("2026-11-02", RatingLevel.Satisfied, staff: "b");
        Rated("2026-11-02", RatingLevel.Satisfied, staff: "c");
        Rated("2026-11-02", RatingLevel.VerySatisfied, staff: "c");
        Rated("2026-11-02", RatingLevel.Satisfied, staff: null);
        Rated("2026-11-02", RatingLevel.Dissatisfied, Window.PlaceNames, staff: "b");

        var ranked = await _statistics.RankStaffAsync(Window.ElderlyCare, ReportingPeriod.Always);

        Assert.Equal(["c", "b", "a"], ranked.Select(s => s.StaffId));
        Assert.Equal([1.0, 1.0, 0.5], ranked.Select(s => s.Figures.SatisfactionRate));
    }
}
