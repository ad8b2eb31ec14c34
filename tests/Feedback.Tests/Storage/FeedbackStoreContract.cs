using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>
/// What every adapter of the feedback ports must do, whatever the database. Subclassed once per adapter; the Mongo
/// subclass re-marks each test as a [MongoFact] so it runs only where a server is available.
/// </summary>
public abstract class FeedbackStoreContract : IAsyncLifetime
{
    private static int _sequence;

    protected IRatingStore Ratings { get; set; } = null!;
    protected ISuggestionStore Suggestions { get; set; } = null!;

    public abstract Task InitializeAsync();
    public abstract Task DisposeAsync();

    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    protected static Rating ARating(string? reference = null, Window window = Window.MarriageRegistration, string? staff = "staff-1",
        RatingLevel level = RatingLevel.Satisfied, DateOnly? on = null, Idempotency? idempotency = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var day = on ?? new DateOnly(2026, 11, 2);
        return new Rating($"r-{n}", window, staff, reference ?? $"svc-{n}", level, "很好", RatingChannel.SmsLink,
            Noon.AddDays(day.DayNumber - new DateOnly(2026, 11, 2).DayNumber), day, idempotency);
    }

    [Fact]
    public virtual async Task A_stored_rating_reads_back_as_it_was()
    {
        var rating = ARating(idempotency: new Idempotency("key-a", "F1"));

        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(rating));

        Assert.Equal(rating, await Ratings.FindAsync(rating.Id));
        Assert.Equal(rating, await Ratings.FindByIdempotencyKeyAsync("key-a"));
        Assert.Null(await Ratings.FindAsync("r-unknown"));
    }

    [Fact]
    public virtual async Task A_rating_without_staff_or_comment_keeps_them_empty()
    {
        var rating = ARating(staff: null) with { Comment = null };
        await Ratings.AddAsync(rating);

        Assert.Equal(rating, await Ratings.FindAsync(rating.Id));
    }

    [Fact]
    public virtual async Task A_second_rating_of_a_service_reference_is_a_duplicate_and_not_stored()
    {
        var first = ARating("svc-dup");
        await Ratings.AddAsync(first);

        var second = ARating("svc-dup", level: RatingLevel.VeryDissatisfied);

        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(second));
        Assert.Null(await Ratings.FindAsync(second.Id));
    }

    [Fact]
    public virtual async Task Ratings_without_keys_never_clash_and_a_reused_key_is_told_apart()
    {
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(ARating()));
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(ARating()));
        await Ratings.AddAsync(ARating(idempotency: new Idempotency("key-b", "F1")));

        Assert.Equal(AddOutcome.DuplicateIdempotencyKey, await Ratings.AddAsync(ARating(idempotency: new Idempotency("key-b", "F1"))));
    }

    [Fact]
    public virtual async Task Counts_per_level_follow_the_scope_and_the_inclusive_period()
    {
        var day1 = new DateOnly(2026, 11, 1);
        var day2 = new DateOnly(2026, 11, 2);
        var day3 = new DateOnly(2026, 11, 3);
        await Ratings.AddAsync(ARating(level: RatingLevel.VerySatisfied, on: day1, staff: "s-a"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, on: day2, staff: "s-a"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Dissatisfied, on: day2, staff: "s-b"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Dissatisfied, on: day3, staff: "s-a"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, on: day2, window: Window.PlaceNames, staff: "s-a"));

        var window = new RatingScope.OfWindow(Window.MarriageRegistration);
        var all = await Ratings.CountByLevelAsync(window, ReportingPeriod.Always);
        var days12 = await Ratings.CountByLevelAsync(window, new ReportingPeriod(day1, day2));
        var fromDay2 = await Ratings.CountByLevelAsync(window, new ReportingPeriod(day2, null));
        var staff = await Ratings.CountByLevelAsync(new RatingScope.OfStaff("s-a"), new ReportingPeriod(null, day2));
        var nobody = await Ratings.CountByLevelAsync(new RatingScope.OfStaff("s-z"), ReportingPeriod.Always);

        Assert.Equal([1, 1, 0, 2, 0], all.Counts.Select(c => c.Value));
        Assert.Equal([1, 1, 0, 1, 0], days12.Counts.Select(c => c.Value));
        Assert.Equal(3, fromDay2.Total);
        Assert.Equal([1, 2, 0, 0, 0], staff.Counts.Select(c => c.Value));
        Assert.Equal(0, nobody.Total);
    }

    [Fact]
    public virtual async Task An_anonymous_suggestion_is_stored_without_identity_and_a_named_one_with_it()
    {
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var anonymous = new Suggestion("s-anon", Window.FuneralServices, "环境设施", "座椅太少", null, at, new Idempotency("key-s", "F"));
        var named = new Suggestion("s-named", Window.FuneralServices, "其他", "谢谢", new Suggester("李四", "13900001111"), at);

        await Suggestions.AddAsync(anonymous);
        await Suggestions.AddAsync(named);

        Assert.Equal(anonymous, await Suggestions.FindAsync("s-anon"));
        Assert.Equal(anonymous, await Suggestions.FindByIdempotencyKeyAsync("key-s"));
        Assert.Equal(named, await Suggestions.FindAsync("s-named"));
        Assert.Equal(AddOutcome.DuplicateIdempotencyKey,
            await Suggestions.AddAsync(anonymous with { Id = "s-again" }));
        Assert.Null(await Suggestions.FindAsync("s-again"));
    }
}
