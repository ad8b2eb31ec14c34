using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Integration;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using CivilAffairs.StaffConduct.V1;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RatingsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRatingStore _store = new();
    private readonly InMemoryInvitationStore _invitationStore = new();
    private readonly FeedbackRules _rules = new() { InvitationValidFor = TimeSpan.FromDays(3) };
    private readonly Ratings _ratings;
    private readonly RatingInvitations _invitations;

    public RatingsTests()
    {
        var clock = new OfficeClock(_time, OfficeClock.FindZone("Asia/Shanghai"));
        _ratings = new Ratings(_store, _invitationStore, clock, _rules, IFeedbackObserver.None, new PlatformEvents(_time));
        _invitations = new RatingInvitations(_invitationStore, _store, clock, _rules);
    }

    private async Task<string> InviteAsync(string reference, Window window = Window.MarriageRegistration) =>
        (await _invitations.CreateAsync(new CreateInvitationCommand(window, "staff-7", reference, (int)RatingChannel.SmsLink))).Id;

    private async Task<RateServiceCommand> CommandAsync(string reference = "marriage:cert:1", RatingLevel level = RatingLevel.Satisfied,
        Window window = Window.MarriageRegistration, string? comment = null) =>
        new(await InviteAsync(reference, window), (int)level, comment);

    [Fact]
    public async Task A_rating_takes_window_staff_and_service_from_its_invitation_and_the_office_day()
    {
        var command = await CommandAsync(comment: "  很快  ");
        // 2026-11-02 17:30 UTC is already 3 November in Beijing.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 17, 30, 0, TimeSpan.Zero));

        var rating = await _ratings.RateAsync(command);

        Assert.Equal(new DateOnly(2026, 11, 3), rating.RatedOn);
        Assert.Equal("很快", rating.Comment);
        Assert.Equal("staff-7", rating.StaffId);
        Assert.Equal(Window.MarriageRegistration, rating.Window);
        Assert.Equal(RatingChannel.SmsLink, rating.Channel);
        Assert.Equal(command.InvitationId, rating.InvitationId);
    }

    [Fact]
    public async Task A_second_rating_through_the_same_invitation_is_refused_as_a_duplicate()
    {
        var command = await CommandAsync("svc-1");
        await _ratings.RateAsync(command);

        var error = await Assert.ThrowsAsync<AlreadyExists>(() => _ratings.RateAsync(command with { Level = (int)RatingLevel.VeryDissatisfied }));

        Assert.Contains("svc-1", error.Message);
        Assert.Single(_store.Rows);
    }

    [Fact]
    public async Task A_rating_without_an_invitation_or_with_an_unknown_one_is_refused()
    {
        var missing = await Assert.ThrowsAsync<ValidationFailed>(() => _ratings.RateAsync(new RateServiceCommand(" ", (int)RatingLevel.Satisfied, null)));
        await Assert.ThrowsAsync<NotFound>(() => _ratings.RateAsync(new RateServiceCommand("inv-nope", (int)RatingLevel.Satisfied, null)));

        Assert.Equal("invitation_id", missing.Violations.Single().Field);
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_its_rule_and_nothing_is_stored()
    {
        var command = await CommandAsync("svc-late");
        _time.Advance(TimeSpan.FromDays(3));

        var error = await Assert.ThrowsAsync<RuleViolated>(() => _ratings.RateAsync(command));

        Assert.Equal("invitation-expired", error.Rule);
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task Details_sent_with_the_invitation_must_be_its_own()
    {
        var command = await CommandAsync("svc-own") with { Window = Window.PlaceNames, ServiceReference = "svc-other" };

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _ratings.RateAsync(command));

        Assert.Equal(["window", "service_reference"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Bad_level_comment_and_channel_are_named_at_once()
    {
        var command = new RateServiceCommand("inv-1", 0, new string('好', 501), 9);

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _ratings.RateAsync(command));

        Assert.Equal(["level", "comment", "channel"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_comment_of_500_chinese_characters_is_accepted()
    {
        var rating = await _ratings.RateAsync(await CommandAsync(comment: new string('好', 500)));

        Assert.Equal(500, rating.Comment!.Length);
    }

    [Fact]
    public async Task Only_a_dissatisfied_or_very_dissatisfied_rating_opens_a_case()
    {
        await _ratings.RateAsync(await CommandAsync("ok", RatingLevel.BasicallySatisfied));
        var bad = await _ratings.RateAsync(await CommandAsync("bad", RatingLevel.Dissatisfied));
        var worse = await _ratings.RateAsync(await CommandAsync("worse", RatingLevel.VeryDissatisfied));

        Assert.Equal([bad.Id, worse.Id], _store.OpenedCases.Select(c => c.RatingId));
    }

    [Fact]
    public async Task Every_rating_of_a_staff_member_tells_staff_conduct_once_and_a_bad_one_names_its_case()
    {
        var good = await _ratings.RateAsync(await CommandAsync("good", RatingLevel.VerySatisfied));
        var bad = await _ratings.RateAsync(await CommandAsync("bad", RatingLevel.VeryDissatisfied, Window.ElderlyCare));
        await Assert.ThrowsAsync<AlreadyExists>(() => _ratings.RateAsync(new RateServiceCommand(good.InvitationId, (int)RatingLevel.Dissatisfied, null)));

        Assert.Equal([good.Id, bad.Id], _store.Events.Select(e => e.AggregateId));
        Assert.All(_store.Events, e => Assert.Equal(("staff-conduct", "/civilaffairs.staffconduct.v1.StaffConduct/RecordRating"), (e.Target, e.Method)));
        var request = RecordRatingRequest.Parser.ParseFrom(_store.Events[1].Payload);
        Assert.Equal(("staff-7", bad.Id, "2026-11-02", RectificationCase.IdFor(bad.Id)),
            (request.StaffId, request.RatingId, request.RatedOn, request.RectificationCaseId));
        Assert.Equal((Common.V1.WindowType.ElderlyCare, Feedback.V1.RatingLevel.VeryDissatisfied), (request.Window, request.Level));
        Assert.Equal("", RecordRatingRequest.Parser.ParseFrom(_store.Events[0].Payload).RectificationCaseId);
        Assert.Equal(Window.ElderlyCare, _store.Events[1].Window);
    }

    [Fact]
    public async Task A_rating_that_names_no_staff_member_tells_staff_conduct_nothing()
    {
        var invitation = await _invitations.CreateAsync(new CreateInvitationCommand(Window.MarriageRegistration, null, "no-staff", (int)RatingChannel.Web));

        await _ratings.RateAsync(new RateServiceCommand(invitation.Id, (int)RatingLevel.Dissatisfied, null));

        Assert.Single(_store.OpenedCases);
        Assert.Empty(_store.Events);
    }

    [Fact]
    public async Task The_summary_counts_the_window_and_days_asked_for()
    {
        await _ratings.RateAsync(await CommandAsync("a", RatingLevel.VerySatisfied));
        await _ratings.RateAsync(await CommandAsync("b", RatingLevel.Dissatisfied));
        await _ratings.RateAsync(await CommandAsync("c", RatingLevel.Satisfied, Window.SocialAssistance));
        _time.Advance(TimeSpan.FromDays(2));
        await _ratings.RateAsync(await CommandAsync("d", RatingLevel.Satisfied));

        var firstDay = await _ratings.SummaryAsync(new RatingScope.OfWindow(Window.MarriageRegistration),
            new ReportingPeriod(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)));
        var always = await _ratings.SummaryAsync(new RatingScope.OfWindow(Window.MarriageRegistration), ReportingPeriod.Always);

        Assert.Equal(2, firstDay.Total);
        Assert.Equal(0.5, firstDay.SatisfactionRate);
        Assert.Equal(3, always.Total);
    }
}
