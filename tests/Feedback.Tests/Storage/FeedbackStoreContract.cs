using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>
/// What the feedback ports' adapters must do, on each engine of the document store: SQLite always, MongoDB when
/// <c>MONGODB_URI</c> is set.
/// </summary>
public sealed class FeedbackStoreContract
{
    private static int _sequence;

    private IRatingStore Ratings { get; set; } = null!;
    private ISuggestionStore Suggestions { get; set; } = null!;
    private IInvitationStore Invitations { get; set; } = null!;
    private IRectificationStore Cases { get; set; } = null!;
    private IQuestionnaireStore Questionnaires { get; set; } = null!;
    private IEvaluatorStore Evaluators { get; set; } = null!;
    private IAppraisalStore Appraisals { get; set; } = null!;
    private IOutboxStore Outbox { get; set; } = null!;

    private static readonly FeedbackRules Rules = new();

    [MongoFact]
    public void The_contract_runs_on_MongoDB_when_a_server_is_given() { }

    /// <summary>A fresh store of the kind, with the adapters over it.</summary>
    private async Task<FreshStore> OpenAsync(string kind)
    {
        var fresh = await FreshStore.CreateAsync(kind, FeedbackDocuments.All);
        Ratings = new RatingStore(fresh.Store);
        Suggestions = new SuggestionStore(fresh.Store);
        Invitations = new InvitationStore(fresh.Store);
        Cases = new RectificationStore(fresh.Store);
        Questionnaires = new QuestionnaireStore(fresh.Store);
        Evaluators = new EvaluatorStore(fresh.Store);
        Appraisals = new AppraisalStore(fresh.Store);
        Outbox = fresh.Outbox;
        return fresh;
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    private static Rating ARating(string? reference = null, Window window = Window.MarriageRegistration, string? staff = "staff-1",
        RatingLevel level = RatingLevel.Satisfied, DateOnly? on = null, string? invitation = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var day = on ?? new DateOnly(2026, 11, 2);
        return new Rating($"r-{n}", window, staff, reference ?? $"svc-{n}", level, "很好", RatingChannel.SmsLink,
            Noon.AddDays(day.DayNumber - new DateOnly(2026, 11, 2).DayNumber), day, invitation ?? $"inv-{n}");
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_stored_rating_reads_back_as_it_was(string kind)
    {
        await using var store = await OpenAsync(kind);
        var rating = ARating();

        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(rating));

        Assert.Equal(rating, await Ratings.FindAsync(rating.Id));
        Assert.Equal(rating, await Ratings.FindByServiceReferenceAsync(rating.ServiceReference));
        Assert.Null(await Ratings.FindAsync("r-unknown"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_rating_without_staff_or_comment_keeps_them_empty(string kind)
    {
        await using var store = await OpenAsync(kind);
        var rating = ARating(staff: null) with { Comment = null, InvitationId = null };
        await Ratings.AddAsync(rating);

        Assert.Equal(rating, await Ratings.FindAsync(rating.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_second_rating_of_a_service_reference_is_a_duplicate_and_not_stored(string kind)
    {
        await using var store = await OpenAsync(kind);
        var first = ARating("svc-dup");
        await Ratings.AddAsync(first);

        var second = ARating("svc-dup", level: RatingLevel.VeryDissatisfied);

        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(second));
        Assert.Null(await Ratings.FindAsync(second.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_second_rating_through_the_same_invitation_is_a_duplicate_and_ratings_without_one_never_clash(string kind)
    {
        await using var store = await OpenAsync(kind);
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(ARating(invitation: "inv-once")));
        var again = ARating(invitation: "inv-once");

        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(again));
        Assert.Null(await Ratings.FindAsync(again.Id));
        // Ratings of the release before invitations have none: they are held to one per service only.
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(ARating() with { InvitationId = null }));
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(ARating() with { InvitationId = null }));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Counts_per_level_follow_the_scope_and_the_inclusive_period(string kind)
    {
        await using var store = await OpenAsync(kind);
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

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Counts_per_month_and_level_split_the_period_by_calendar_month(string kind)
    {
        await using var store = await OpenAsync(kind);
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, on: new DateOnly(2026, 9, 30), staff: "s-m"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, on: new DateOnly(2026, 10, 1), staff: "s-m"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Dissatisfied, on: new DateOnly(2026, 10, 31), staff: "s-m"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, on: new DateOnly(2026, 11, 1), staff: "s-m"));

        var counts = await Ratings.CountByMonthAndLevelAsync(new RatingScope.OfStaff("s-m"),
            new ReportingPeriod(new DateOnly(2026, 10, 1), null));

        Assert.Equal(
            [new MonthLevelCount("2026-10", RatingLevel.Satisfied, 1), new MonthLevelCount("2026-10", RatingLevel.Dissatisfied, 1),
             new MonthLevelCount("2026-11", RatingLevel.Satisfied, 1)],
            counts.OrderBy(c => c.Month).ThenBy(c => c.Level));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Counts_per_staff_member_and_level_cover_one_window_and_skip_ratings_without_staff(string kind)
    {
        await using var store = await OpenAsync(kind);
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, window: Window.FuneralServices, staff: "s-1"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, window: Window.FuneralServices, staff: "s-1"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.FuneralServices, staff: "s-2"));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, window: Window.FuneralServices, staff: null));
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, window: Window.PlaceNames, staff: "s-2"));

        var counts = await Ratings.CountByStaffAndLevelAsync(Window.FuneralServices, ReportingPeriod.Always);

        Assert.Equal([new StaffLevelCount("s-1", RatingLevel.Satisfied, 2), new StaffLevelCount("s-2", RatingLevel.Dissatisfied, 1)],
            counts.OrderBy(c => c.StaffId));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_anonymous_suggestion_is_stored_without_identity_and_a_named_one_with_it(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var anonymous = new Suggestion("s-anon", Window.FuneralServices, "环境设施", "座椅太少", null, at);
        var named = new Suggestion("s-named", Window.FuneralServices, "其他", "谢谢", new Suggester("李四", "13900001111"), at);

        await Suggestions.AddAsync(anonymous);
        await Suggestions.AddAsync(named);

        Assert.Equal(anonymous, await Suggestions.FindAsync("s-anon"));
        Assert.Equal(named, await Suggestions.FindAsync("s-named"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_invitation_reads_back_by_id_and_service_and_a_service_is_invited_once(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var invitation = new Invitation("inv-1", Window.ElderlyCare, null, "elderly:9", RatingChannel.SmsLink, at, at.AddDays(7));

        Assert.Equal(AddOutcome.Added, await Invitations.AddAsync(invitation));

        Assert.Equal(invitation, await Invitations.FindAsync("inv-1"));
        Assert.Equal(invitation, await Invitations.FindByServiceReferenceAsync("elderly:9"));
        Assert.Equal(AddOutcome.Duplicate, await Invitations.AddAsync(invitation with { Id = "inv-2", Channel = RatingChannel.Web }));
        Assert.Null(await Invitations.FindAsync("inv-2"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_bad_rating_is_stored_with_the_case_it_opens_and_a_refused_one_opens_none(string kind)
    {
        await using var store = await OpenAsync(kind);
        var rating = ARating("svc-bad", level: RatingLevel.VeryDissatisfied);
        var opened = RectificationCase.OpenFor(rating, Rules);

        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(rating, opened));
        var duplicate = ARating("svc-bad", level: RatingLevel.Dissatisfied);
        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(duplicate, RectificationCase.OpenFor(duplicate, Rules)));

        var stored = await Cases.FindAsync(opened.Id);
        Assert.NotNull(stored);
        Assert.Equal(rating.Id, stored.RatingId);
        Assert.Equal(opened.Deadline, stored.Deadline);
        Assert.Equal(CaseAction.Open, stored.Steps.Single().Action);
        Assert.Equal(rating, await Ratings.FindByServiceReferenceAsync("svc-bad"));
        Assert.Null(await Cases.FindAsync(RectificationCase.IdFor(duplicate.Id)));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_step_is_saved_only_on_the_version_it_was_taken_from_and_appends_to_the_history(string kind)
    {
        await using var store = await OpenAsync(kind);
        var opened = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied));
        var first = opened.Apply(CaseAction.Verify, "clerk-1", "called the citizen", false, opened.OpenedAt.AddHours(1), opened.OpenedOn, Rules);

        Assert.True(await Cases.SaveStepAsync(opened, 1, null));
        var stale = await Cases.FindAsync(opened.Id);
        stale!.Apply(CaseAction.Track, "clerk-2", "needs a new form", false, opened.OpenedAt.AddHours(2), opened.OpenedOn, Rules);
        Assert.False(await Cases.SaveStepAsync(stale, 1, null));

        var stored = await Cases.FindAsync(opened.Id);
        Assert.Equal(CaseStage.Verified, stored!.Stage);
        Assert.Equal(2, stored.Version);
        Assert.Equal([CaseAction.Open, CaseAction.Verify], stored.Steps.Select(s => s.Action));
        Assert.Equal(first, stored.Steps[1]);
    }

    private static OutboxMessage AnEvent(string id, string aggregate) =>
        new(id, aggregate, "staff-conduct", "/civilaffairs.staffconduct.v1.StaffConduct/RecordRating", [1, 2, 3], Window.MarriageRegistration,
            null, Noon);

    private async Task<List<string>> PendingEventIdsAsync() =>
        (await Outbox.PendingAsync(100, CancellationToken.None)).Select(e => e.Message.EventId).ToList();

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_ratings_events_are_written_with_it_and_a_refused_rating_writes_none(string kind)
    {
        await using var store = await OpenAsync(kind);
        var good = ARating("svc-events-good");
        var bad = ARating("svc-events-bad", level: RatingLevel.Dissatisfied);

        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(good, null, [AnEvent("evt-good", good.Id)]));
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(bad, RectificationCase.OpenFor(bad, Rules), [AnEvent("evt-bad", bad.Id)]));
        var again = ARating("svc-events-bad", level: RatingLevel.VeryDissatisfied);
        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(again, RectificationCase.OpenFor(again, Rules), [AnEvent("evt-again", again.Id)]));
        var sameInvitation = ARating(invitation: good.InvitationId);
        Assert.Equal(AddOutcome.Duplicate, await Ratings.AddAsync(sameInvitation, null, [AnEvent("evt-same", sameInvitation.Id)]));

        Assert.Equal(["evt-good", "evt-bad"], await PendingEventIdsAsync());
        Assert.Null(await Cases.FindAsync(RectificationCase.IdFor(again.Id)));
        var stored = (await Outbox.PendingAsync(100, CancellationToken.None))[1].Message;
        Assert.Equal(bad.Id, stored.AggregateId);
        Assert.Equal([1, 2, 3], stored.Payload);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_closing_steps_events_are_written_with_it_and_a_stale_step_writes_none(string kind)
    {
        await using var store = await OpenAsync(kind);
        var rating = ARating(level: RatingLevel.VeryDissatisfied);
        var opened = await OpenCaseAsync(rating);
        opened.Apply(CaseAction.Appeal, "clerk", "malicious", false, rating.RatedAt, rating.RatedOn, Rules);
        Assert.True(await Cases.SaveStepAsync(opened, 1, null));
        var stale = (await Cases.FindAsync(opened.Id))!;
        opened.Apply(CaseAction.UpholdAppeal, "supervisor", "rated every window", false, rating.RatedAt, rating.RatedOn, Rules);

        Assert.True(await Cases.SaveStepAsync(opened, 2, rating.Id, [AnEvent("evt-closed", rating.Id)]));
        stale.Apply(CaseAction.UpholdAppeal, "supervisor-2", "also upheld", false, rating.RatedAt, rating.RatedOn, Rules);
        Assert.False(await Cases.SaveStepAsync(stale, 2, rating.Id, [AnEvent("evt-late", rating.Id)]));

        Assert.Equal(["evt-closed"], await PendingEventIdsAsync());
        Assert.True((await Ratings.FindAsync(rating.Id))!.Voided);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_upheld_appeal_voids_the_rating_so_it_is_no_longer_counted(string kind)
    {
        await using var store = await OpenAsync(kind);
        var rating = ARating(level: RatingLevel.VeryDissatisfied, window: Window.AdoptionRegistration);
        var opened = await OpenCaseAsync(rating);
        await Ratings.AddAsync(ARating(level: RatingLevel.Satisfied, window: Window.AdoptionRegistration));
        var scope = new RatingScope.OfWindow(Window.AdoptionRegistration);
        Assert.Equal(2, (await Ratings.CountByLevelAsync(scope, ReportingPeriod.Always)).Total);

        opened.Apply(CaseAction.Appeal, "clerk", "malicious", false, rating.RatedAt, rating.RatedOn, Rules);
        Assert.True(await Cases.SaveStepAsync(opened, 1, null));
        opened.Apply(CaseAction.UpholdAppeal, "supervisor", "the same person rated every window", false, rating.RatedAt, rating.RatedOn, Rules);
        Assert.True(await Cases.SaveStepAsync(opened, 2, rating.Id));

        var figures = await Ratings.CountByLevelAsync(scope, ReportingPeriod.Always);
        Assert.Equal(1, figures.Total);
        Assert.Equal(1.0, figures.SatisfactionRate);
        Assert.True((await Ratings.FindAsync(rating.Id))!.Voided);
        Assert.Equal(CaseOutcome.RatingVoided, (await Cases.FindAsync(opened.Id))!.Outcome);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task The_overdue_list_holds_open_cases_past_their_deadline_oldest_first(string kind)
    {
        await using var store = await OpenAsync(kind);
        var early = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.PlaceNames, on: new DateOnly(2026, 10, 1)));
        var later = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.ChildWelfare, on: new DateOnly(2026, 10, 8)));
        var notDue = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.PlaceNames, on: new DateOnly(2026, 10, 30)));
        var closed = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.PlaceNames, on: new DateOnly(2026, 10, 1)));
        await CloseAsync(closed);
        var today = new DateOnly(2026, 11, 2);

        var all = await Cases.ListOverdueAsync(null, today, 10);
        var placeNames = await Cases.ListOverdueAsync(Window.PlaceNames, today, 10);
        var one = await Cases.ListOverdueAsync(null, today, 1);

        Assert.Equal([early.Id, later.Id], all.Select(c => c.Id));
        Assert.Equal([early.Id], placeNames.Select(c => c.Id));
        Assert.Equal([early.Id], one.Select(c => c.Id));
        Assert.DoesNotContain(notDue.Id, all.Select(c => c.Id));
        Assert.Single(all[0].Steps);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Case_figures_count_opened_closed_on_time_and_overdue_per_window_and_period(string kind)
    {
        await using var store = await OpenAsync(kind);
        var onTime = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.SocialOrganizations, on: new DateOnly(2026, 10, 5)));
        await CloseAsync(onTime);
        var late = await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.SocialOrganizations, on: new DateOnly(2026, 10, 5)));
        await CloseAsync(late, late.Deadline.AddDays(3));
        await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.SocialOrganizations, on: new DateOnly(2026, 10, 6)));
        await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.SocialOrganizations, on: new DateOnly(2026, 10, 30)));
        await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.SocialOrganizations, on: new DateOnly(2026, 9, 30)));
        await OpenCaseAsync(ARating(level: RatingLevel.Dissatisfied, window: Window.DisabilityWelfare, on: new DateOnly(2026, 10, 5)));

        var october = await Cases.CountAsync(new RatingScope.OfWindow(Window.SocialOrganizations),
            new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), new DateOnly(2026, 11, 2));
        var none = await Cases.CountAsync(new RatingScope.OfWindow(Window.PlaceNames), ReportingPeriod.Always, new DateOnly(2026, 11, 2));
        var staff = await Cases.CountAsync(new RatingScope.OfStaff("staff-1"), ReportingPeriod.Always, new DateOnly(2026, 11, 2));
        var otherStaff = await Cases.CountAsync(new RatingScope.OfStaff("staff-2"), ReportingPeriod.Always, new DateOnly(2026, 11, 2));

        Assert.Equal(new RectificationFigures(Opened: 4, Closed: 2, ClosedOnTime: 1, Overdue: 1), october);
        Assert.Equal(1.0 / 3, october.OnTimeRate, 10);
        Assert.Equal(RectificationFigures.None, none);
        Assert.Equal(6, staff.Opened);
        Assert.Equal(RectificationFigures.None, otherStaff);
        var listed = await Cases.ListAsync(Window.SocialOrganizations, new ReportingPeriod(new DateOnly(2026, 10, 6), null), 10);
        Assert.Equal([new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 6)], listed.Select(c => c.OpenedOn));
        Assert.All(listed, c => Assert.NotEmpty(c.Steps));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Entries_are_appended_on_the_version_they_were_made_from_and_read_back_in_order(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var dropped = new Suggestion("s-e", Window.ElderlyCare, "其他", "多放几把椅子", null, at);
        await Suggestions.AddAsync(dropped);

        var (replied, _) = dropped.With(SuggestionEntryKind.Reply, "已添置", "clerk-1", at.AddHours(1));
        Assert.True(await Suggestions.AppendAsync(replied, dropped.Version));
        var (clash, _) = dropped.With(SuggestionEntryKind.Reply, "另一条", "clerk-2", at.AddHours(1));
        Assert.False(await Suggestions.AppendAsync(clash, dropped.Version));
        var (hidden, _) = replied.With(SuggestionEntryKind.Hide, "重复", "moderator", at.AddHours(2));
        Assert.True(await Suggestions.AppendAsync(hidden, replied.Version));

        var stored = await Suggestions.FindAsync("s-e");
        Assert.Equal(hidden, stored);
        Assert.True(stored!.Hidden);
        Assert.Equal(3, stored.Version);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_window_box_pages_newest_first_after_a_cursor(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        foreach (var (id, minutes) in new[] { ("s-a", 0), ("s-b", 1), ("s-c", 1), ("s-d", 2) })
            await Suggestions.AddAsync(new Suggestion(id, Window.VagrantRelief, "其他", id, null, at.AddMinutes(minutes)));
        await Suggestions.AddAsync(new Suggestion("s-x", Window.PlaceNames, "其他", "x", null, at));

        await Suggestions.AddAsync(new Suggestion("s-e", Window.VagrantRelief, "环境设施", "e", null, at.AddMinutes(1)));
        var first = await Suggestions.ListAsync(Window.VagrantRelief, "其他", 2, null);
        var rest = await Suggestions.ListAsync(Window.VagrantRelief, "其他", 10, new SuggestionCursor(first[^1].SubmittedAt, first[^1].Id));
        var all = await Suggestions.ListAsync(Window.VagrantRelief, null, 10, null);

        Assert.Equal(["s-d", "s-c"], first.Select(s => s.Id));
        Assert.Equal(["s-b", "s-a"], rest.Select(s => s.Id));
        Assert.Equal(["s-d", "s-e", "s-c", "s-b", "s-a"], all.Select(s => s.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_questionnaire_and_its_responses_read_back_and_scores_are_counted_per_window_and_period(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var questionnaire = new Questionnaire("q-1", "测评", null, [new Question(1, "态度", 1, 5), new Question(2, "效率", 1, 3)], at);
        await Questionnaires.AddAsync(questionnaire);
        var day = new DateOnly(2026, 11, 2);
        var response = new QuestionnaireResponse("qr-1", "q-1", Window.ElderlyCare, [new Answer(1, 5), new Answer(2, 3)], "好", at, day);
        await Questionnaires.AddResponseAsync(response);
        await Questionnaires.AddResponseAsync(response with { Id = "qr-2", Answers = [new Answer(1, 5), new Answer(2, 1)] });
        await Questionnaires.AddResponseAsync(response with { Id = "qr-3", Window = Window.PlaceNames });
        await Questionnaires.AddResponseAsync(response with { Id = "qr-4", SubmittedOn = day.AddDays(1) });

        Assert.Equal(questionnaire, await Questionnaires.FindAsync("q-1"));
        var counts = await Questionnaires.CountScoresAsync("q-1", Window.ElderlyCare, new ReportingPeriod(day, day));
        Assert.Equal(
            [new ScoreCount(1, 5, 2), new ScoreCount(2, 1, 1), new ScoreCount(2, 3, 1)],
            counts.OrderBy(c => c.QuestionNumber).ThenBy(c => c.Score));
        Assert.Equal(2, await Questionnaires.CountResponsesAsync("q-1", Window.ElderlyCare, new ReportingPeriod(day, day)));
        Assert.Equal(4, await Questionnaires.CountResponsesAsync("q-1", null, ReportingPeriod.Always));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Evaluators_are_listed_by_term_and_their_reports_by_window_staff_and_period(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var serving = new Evaluator("ev-1", "钱学明", "13700001234", "人大代表", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), at);
        var former = serving with { Id = "ev-2", TermStart = new DateOnly(2025, 1, 1), TermEnd = new DateOnly(2025, 12, 31) };
        await Evaluators.AddAsync(serving);
        await Evaluators.AddAsync(former);
        var report = new InspectionReport("ir-1", "ev-1", Window.ElderlyCare, "staff-3", new DateOnly(2026, 10, 10), 88, "热情", at);
        await Evaluators.AddReportAsync(report);
        await Evaluators.AddReportAsync(report with { Id = "ir-2", StaffId = "staff-4", VisitedOn = new DateOnly(2026, 10, 12) });
        await Evaluators.AddReportAsync(report with { Id = "ir-3", VisitedOn = new DateOnly(2026, 9, 12) });

        Assert.Equal(serving, await Evaluators.FindAsync("ev-1"));
        Assert.Equal(["ev-1"], (await Evaluators.ListInTermAsync(new DateOnly(2026, 12, 31))).Select(e => e.Id));
        Assert.Equal(["ev-2"], (await Evaluators.ListInTermAsync(new DateOnly(2025, 6, 1))).Select(e => e.Id));
        var october = new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        Assert.Equal(["ir-2", "ir-1"], (await Evaluators.ListReportsAsync(Window.ElderlyCare, null, october, 10)).Select(r => r.Id));
        Assert.Equal(["ir-1"], (await Evaluators.ListReportsAsync(Window.ElderlyCare, "staff-3", october, 10)).Select(r => r.Id));
        Assert.Equal(["ir-2"], (await Evaluators.ListReportsAsync(Window.ElderlyCare, null, ReportingPeriod.Always, 1)).Select(r => r.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Meetings_read_back_whole_and_a_window_score_is_averaged_over_the_period(string kind)
    {
        await using var store = await OpenAsync(kind);
        var at = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var meeting = new AppraisalMeeting("am-1", "评议", new DateOnly(2026, 10, 30), [new Attendee("周大勇", "人大代表"), new Attendee("吴芳", null)],
            [new WindowScore(Window.ElderlyCare, 90), new WindowScore(Window.PlaceNames, 70.5)], "纪要", at);
        await Appraisals.AddAsync(meeting);
        await Appraisals.AddAsync(meeting with { Id = "am-2", HeldOn = new DateOnly(2026, 10, 1), Scores = [new WindowScore(Window.ElderlyCare, 80)] });
        await Appraisals.AddAsync(meeting with { Id = "am-3", HeldOn = new DateOnly(2026, 9, 1) });

        Assert.Equal(meeting, await Appraisals.FindAsync("am-1"));
        var october = new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        Assert.Equal(["am-1", "am-2"], (await Appraisals.ListAsync(october, 10)).Select(m => m.Id));
        Assert.Equal(new AppraisalFigures(2, 85), await Appraisals.ScoreOfAsync(Window.ElderlyCare, october));
        Assert.Equal(new AppraisalFigures(1, 70.5), await Appraisals.ScoreOfAsync(Window.PlaceNames, october));
        Assert.Equal(AppraisalFigures.None, await Appraisals.ScoreOfAsync(Window.ChildWelfare, ReportingPeriod.Always));
    }

    private async Task<RectificationCase> OpenCaseAsync(Rating rating)
    {
        var opened = RectificationCase.OpenFor(rating, Rules);
        Assert.Equal(AddOutcome.Added, await Ratings.AddAsync(rating, opened));
        return opened;
    }

    /// <summary>Walks a case to closed, the last step on <paramref name="on"/> (default: its opening day).</summary>
    private async Task CloseAsync(RectificationCase c, DateOnly? on = null)
    {
        foreach (var action in new[] { CaseAction.Verify, CaseAction.FixNow, CaseAction.Reply, CaseAction.CallBack })
        {
            var version = c.Version;
            c.Apply(action, "clerk", "done", true, c.OpenedAt, on ?? c.OpenedOn, Rules);
            Assert.True(await Cases.SaveStepAsync(c, version, null));
        }
    }
}
