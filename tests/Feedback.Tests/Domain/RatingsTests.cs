using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RatingsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRatingStore _store = new();
    private readonly Ratings _ratings;

    public RatingsTests() => _ratings = new Ratings(_store, new OfficeClock(_time, OfficeClock.FindZone("Asia/Shanghai")));

    private static RateServiceCommand Command(string reference = "marriage:cert:1", RatingLevel level = RatingLevel.Satisfied,
        Window window = Window.MarriageRegistration, string? comment = null, string? key = null) =>
        new(window, "staff-7", reference, (int)level, comment, (int)RatingChannel.OnSitePad, key);

    [Fact]
    public async Task A_rating_is_stored_with_the_office_day_it_was_given_on()
    {
        // 2026-11-02 17:30 UTC is already 3 November in Beijing.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 17, 30, 0, TimeSpan.Zero));

        var rating = await _ratings.RateAsync(Command(comment: "  很快  "));

        Assert.Equal(new DateOnly(2026, 11, 3), rating.RatedOn);
        Assert.Equal("很快", rating.Comment);
        Assert.Equal("staff-7", rating.StaffId);
        Assert.Single(_store.Rows);
    }

    [Fact]
    public async Task A_second_rating_of_the_same_service_is_refused_as_a_duplicate()
    {
        await _ratings.RateAsync(Command("svc-1"));

        var error = await Assert.ThrowsAsync<AlreadyExists>(() => _ratings.RateAsync(Command(" svc-1 ", RatingLevel.VeryDissatisfied)));

        Assert.Contains("svc-1", error.Message);
        Assert.Single(_store.Rows);
    }

    [Fact]
    public async Task Every_missing_or_bad_field_is_named_at_once_and_nothing_is_stored()
    {
        var command = new RateServiceCommand(Window.Unspecified, null, " ", 0, new string('好', 501), 9);

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _ratings.RateAsync(command));

        Assert.Equal(["window", "level", "service_reference", "comment", "channel"], error.Violations.Select(v => v.Field));
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task A_comment_of_500_chinese_characters_is_accepted()
    {
        var rating = await _ratings.RateAsync(Command(comment: new string('好', 500)));

        Assert.Equal(500, rating.Comment!.Length);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_rating()
    {
        var first = await _ratings.RateAsync(Command("svc-2", key: "k-1"));
        var retry = await _ratings.RateAsync(Command("svc-2", key: "k-1"));

        Assert.Equal(first.Id, retry.Id);
        Assert.Single(_store.Rows);
    }

    [Fact]
    public async Task The_same_key_with_another_content_is_refused_naming_the_key()
    {
        await _ratings.RateAsync(Command("svc-3", key: "k-2"));

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _ratings.RateAsync(Command("svc-3", RatingLevel.Dissatisfied, key: "k-2")));

        Assert.Equal("idempotency_key", error.Violations.Single().Field);
    }

    [Fact]
    public async Task The_summary_counts_the_window_and_days_asked_for()
    {
        await _ratings.RateAsync(Command("a", RatingLevel.VerySatisfied));
        await _ratings.RateAsync(Command("b", RatingLevel.Dissatisfied));
        await _ratings.RateAsync(Command("c", RatingLevel.Satisfied, Window.SocialAssistance));
        _time.Advance(TimeSpan.FromDays(2));
        await _ratings.RateAsync(Command("d", RatingLevel.Satisfied));

        var firstDay = await _ratings.SummaryAsync(new RatingScope.OfWindow(Window.MarriageRegistration),
            new ReportingPeriod(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)));
        var always = await _ratings.SummaryAsync(new RatingScope.OfWindow(Window.MarriageRegistration), ReportingPeriod.Always);

        Assert.Equal(2, firstDay.Total);
        Assert.Equal(0.5, firstDay.SatisfactionRate);
        Assert.Equal(3, always.Total);
    }
}
