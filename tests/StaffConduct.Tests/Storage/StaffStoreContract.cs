using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>
/// What every adapter of the staff-conduct ports must do, whatever the store. Subclassed once per store; the MongoDB
/// subclass overrides each test with [MongoFact] so it runs only where a server is configured.
/// </summary>
public abstract class StaffStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    protected abstract IStaffDirectory Directory { get; }
    protected abstract ICommitmentBook Commitments { get; }
    protected abstract IDutyLog Duty { get; }
    protected abstract IDesignationRegister Designations { get; }
    protected abstract IConductCode Code { get; }
    protected abstract IInspectionLog Inspections { get; }
    protected abstract IContestBook Contests { get; }
    protected abstract ICaseLedger Cases { get; }
    protected abstract IRatingLedger Ratings { get; }
    protected abstract IServiceCatalogue Catalogue { get; }
    protected abstract IServiceTimeLedger Times { get; }

    private static int _badge;

    protected static StaffMember Member(Window window = Window.MarriageRegistration, string office = "office-1", string? badge = null) =>
        StaffMember.Register(new StaffProfile("张晓明", badge ?? $"T-{Interlocked.Increment(ref _badge):D5}",
            "photos/a.jpg", window, office, "登记员", ["受理", "发证"], true), Now);

    protected static Commitment CommitmentOf(StaffMember member, DateOnly deadline, CommitmentOutcome? outcome = null) =>
        new(Ids.New(), member.Id, member.Profile.Window, "一次办好", deadline, Now, outcome);

    [Fact]
    public virtual async Task A_staff_member_reads_back_as_stored()
    {
        var member = Member();
        Assert.Equal(StaffWrite.Written, await Directory.AddAsync(member, null));
        var read = await Directory.GetAsync(member.Id);
        Assert.NotNull(read);
        Assert.Equal(member with { Profile = member.Profile with { Duties = read.Profile.Duties } }, read);
        Assert.Equal(member.Profile.Duties, read.Profile.Duties);
        Assert.Null(await Directory.GetAsync("missing"));
    }

    [Fact]
    public virtual async Task A_taken_badge_number_stores_nothing()
    {
        var first = Member();
        await Directory.AddAsync(first, null);
        var second = Member(Window.ElderlyCare, badge: first.Profile.BadgeNumber);
        Assert.Equal(StaffWrite.BadgeNumberTaken, await Directory.AddAsync(second, null));
        Assert.Null(await Directory.GetAsync(second.Id));
    }

    [Fact]
    public virtual async Task An_idempotency_key_is_held_once_and_finds_the_first_record()
    {
        var tag = new IdempotencyTag($"k-{Guid.NewGuid():N}", "F1");
        var first = Member();
        Assert.Equal(StaffWrite.Written, await Directory.AddAsync(first, tag));
        var second = Member();
        Assert.Equal(StaffWrite.IdempotencyKeyTaken, await Directory.AddAsync(second, tag with { Fingerprint = "F2" }));
        Assert.Null(await Directory.GetAsync(second.Id));
        var found = await Directory.FindByIdempotencyKeyAsync(tag.Key);
        Assert.Equal(first.Id, found?.Value.Id);
        Assert.Equal("F1", found?.Fingerprint);
        Assert.Null(await Directory.FindByIdempotencyKeyAsync("unknown"));
        // Many writes without a key do not collide with each other.
        Assert.Equal(StaffWrite.Written, await Directory.AddAsync(Member(), null));
    }

    [Fact]
    public virtual async Task A_window_lists_its_staff_by_badge_and_optionally_one_office()
    {
        var window = Window.AdoptionRegistration;
        var b = Member(window, "office-2", badge: $"Z-{Guid.NewGuid():N}"[..20]);
        var a = Member(window, "office-1", badge: $"Y-{Guid.NewGuid():N}"[..20]);
        await Directory.AddAsync(b, null);
        await Directory.AddAsync(a, null);
        await Directory.AddAsync(Member(Window.VagrantRelief), null);
        Assert.Equal([a.Id, b.Id], (await Directory.ListByWindowAsync(window, null)).Select(m => m.Id));
        Assert.Equal([b.Id], (await Directory.ListByWindowAsync(window, "office-2")).Select(m => m.Id));
    }

    [Fact]
    public virtual async Task A_commitment_reads_back_with_its_outcome()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var open = CommitmentOf(member, new DateOnly(2026, 11, 30));
        var kept = CommitmentOf(member, new DateOnly(2026, 11, 10), new CommitmentOutcome(true, "台账第3页", "inspector-1", Now.AddDays(3)));
        Assert.True(await Commitments.AddAsync(open, null));
        Assert.True(await Commitments.AddAsync(kept, null));
        Assert.Equal(open, await Commitments.GetAsync(open.Id));
        Assert.Equal(kept, await Commitments.GetAsync(kept.Id));
        Assert.Null(await Commitments.GetAsync("missing"));
    }

    [Fact]
    public virtual async Task Commitments_are_listed_for_the_asked_staff_by_deadline()
    {
        var one = Member();
        var two = Member();
        var other = Member();
        foreach (var m in new[] { one, two, other }) await Directory.AddAsync(m, null);
        var late = CommitmentOf(one, new DateOnly(2026, 12, 31));
        var early = CommitmentOf(two, new DateOnly(2026, 11, 5));
        await Commitments.AddAsync(late, null);
        await Commitments.AddAsync(early, null);
        await Commitments.AddAsync(CommitmentOf(other, new DateOnly(2026, 11, 6)), null);
        Assert.Equal([early.Id, late.Id], (await Commitments.ListByStaffAsync([one.Id, two.Id])).Select(c => c.Id));
        Assert.Empty(await Commitments.ListByStaffAsync([]));
    }

    [Fact]
    public virtual async Task A_commitment_idempotency_key_is_held_once()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var tag = new IdempotencyTag($"c-{Guid.NewGuid():N}", "F1");
        var first = CommitmentOf(member, new DateOnly(2026, 11, 30));
        Assert.True(await Commitments.AddAsync(first, tag));
        Assert.False(await Commitments.AddAsync(CommitmentOf(member, new DateOnly(2026, 12, 1)), tag));
        Assert.Equal(first.Id, (await Commitments.FindByIdempotencyKeyAsync(tag.Key))?.Value.Id);
        Assert.Single(await Commitments.ListByStaffAsync([member.Id]));
    }

    private static StaffChange ChangeOf(StaffMember updated, string reason = "调岗") =>
        new(updated.Id, updated.Version, updated.Profile, Now.AddDays(1), reason, "人事科");

    [Fact]
    public virtual async Task A_change_replaces_the_record_and_appends_to_its_history()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var updated = member.Change(member.Profile with { Post = "窗口负责人", Window = Window.ElderlyCare });
        Assert.Equal(StaffWrite.Written, await Directory.UpdateAsync(updated, ChangeOf(updated), null));
        Assert.Equal("窗口负责人", (await Directory.GetAsync(member.Id))!.Profile.Post);
        Assert.Equal(2, (await Directory.GetAsync(member.Id))!.Version);
        var history = await Directory.ListHistoryAsync(member.Id);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal(["登记员", "窗口负责人"], history.Select(h => h.Profile.Post));
        Assert.Equal([StaffChange.RegisteredReason, "调岗"], history.Select(h => h.Reason));
        Assert.Equal(Window.ElderlyCare, history[1].Profile.Window);
        Assert.Equal(member.Profile.Duties, history[0].Profile.Duties);
        Assert.Equal([member.Id], (await Directory.ListByWindowAsync(Window.ElderlyCare, null)).Select(m => m.Id));
    }

    [Fact]
    public virtual async Task A_change_from_an_old_version_writes_nothing()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var first = member.Change(member.Profile with { Post = "A" });
        await Directory.UpdateAsync(first, ChangeOf(first), null);
        var stale = member.Change(member.Profile with { Post = "B" });
        Assert.Equal(StaffWrite.VersionConflict, await Directory.UpdateAsync(stale, ChangeOf(stale), null));
        Assert.Equal("A", (await Directory.GetAsync(member.Id))!.Profile.Post);
        Assert.Equal(2, (await Directory.ListHistoryAsync(member.Id)).Count);
    }

    [Fact]
    public virtual async Task A_change_to_a_taken_badge_writes_nothing()
    {
        var holder = Member();
        var member = Member();
        await Directory.AddAsync(holder, null);
        await Directory.AddAsync(member, null);
        var updated = member.Change(member.Profile with { BadgeNumber = holder.Profile.BadgeNumber });
        Assert.Equal(StaffWrite.BadgeNumberTaken, await Directory.UpdateAsync(updated, ChangeOf(updated), null));
        Assert.Equal(1, (await Directory.GetAsync(member.Id))!.Version);
        Assert.Single(await Directory.ListHistoryAsync(member.Id));
    }

    [Fact]
    public virtual async Task A_change_idempotency_key_finds_the_record_as_that_change_left_it()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var tag = new IdempotencyTag($"u-{Guid.NewGuid():N}", "F1");
        var updated = member.Change(member.Profile with { Post = "A" });
        Assert.Equal(StaffWrite.Written, await Directory.UpdateAsync(updated, ChangeOf(updated), tag));
        var again = updated.Change(updated.Profile with { Post = "B" });
        Assert.Equal(StaffWrite.IdempotencyKeyTaken, await Directory.UpdateAsync(again, ChangeOf(again), tag));
        Assert.Equal("A", (await Directory.GetAsync(member.Id))!.Profile.Post);
        var found = await Directory.FindChangeByIdempotencyKeyAsync(tag.Key);
        Assert.Equal((member.Id, 2, "A", "F1"), (found!.Value.Id, found.Value.Version, found.Value.Profile.Post, found.Fingerprint));
        Assert.Null(await Directory.FindChangeByIdempotencyKeyAsync("unknown"));
    }

    [Fact]
    public virtual async Task Staff_are_found_by_a_set_of_ids()
    {
        var one = Member();
        var two = Member();
        await Directory.AddAsync(one, null);
        await Directory.AddAsync(two, null);
        Assert.Equal([one.Id, two.Id], (await Directory.ListByIdsAsync([two.Id, one.Id, "missing"])).Select(m => m.Id));
        Assert.Empty(await Directory.ListByIdsAsync([]));
    }

    [Fact]
    public virtual async Task An_outcome_is_recorded_once()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        var commitment = CommitmentOf(member, new DateOnly(2026, 11, 30));
        await Commitments.AddAsync(commitment, null);
        var tag = new IdempotencyTag($"r-{Guid.NewGuid():N}", "F1");
        var kept = new CommitmentOutcome(true, "台账", "科长", Now.AddDays(2));
        Assert.Equal(CommitmentResolve.Resolved, await Commitments.ResolveAsync(commitment.Id, kept, tag));
        var broken = new CommitmentOutcome(false, "投诉", "科长", Now.AddDays(3));
        Assert.Equal(CommitmentResolve.AlreadyResolved, await Commitments.ResolveAsync(commitment.Id, broken, null));
        Assert.Equal(kept, (await Commitments.GetAsync(commitment.Id))!.Outcome);
        var found = await Commitments.FindByResolutionKeyAsync(tag.Key);
        Assert.Equal((kept, "F1"), (found!.Value.Outcome, found.Fingerprint));

        var other = CommitmentOf(member, new DateOnly(2026, 11, 30));
        await Commitments.AddAsync(other, null);
        Assert.Equal(CommitmentResolve.IdempotencyKeyTaken, await Commitments.ResolveAsync(other.Id, kept, tag));
        Assert.Null((await Commitments.GetAsync(other.Id))!.Outcome);
    }

    [Fact]
    public virtual async Task Open_commitments_due_before_a_day_are_listed_by_deadline_and_window()
    {
        var marriage = Member(Window.MarriageRegistration);
        var funeral = Member(Window.FuneralServices);
        await Directory.AddAsync(marriage, null);
        await Directory.AddAsync(funeral, null);
        var day = new DateOnly(2027, 3, 10);
        var late = CommitmentOf(marriage, day.AddDays(-1));
        var later = CommitmentOf(funeral, day.AddDays(-5));
        var onTheDay = CommitmentOf(marriage, day);
        var resolved = CommitmentOf(marriage, day.AddDays(-9), new CommitmentOutcome(false, "x", "y", Now));
        foreach (var c in new[] { late, later, onTheDay, resolved }) await Commitments.AddAsync(c, null);
        var all = (await Commitments.ListOpenDueBeforeAsync(null, day)).Where(c => c.StaffId == marriage.Id || c.StaffId == funeral.Id);
        Assert.Equal([later.Id, late.Id], all.Select(c => c.Id));
        var inMarriage = (await Commitments.ListOpenDueBeforeAsync(Window.MarriageRegistration, day)).Where(c => c.StaffId == marriage.Id);
        Assert.Equal([late.Id], inMarriage.Select(c => c.Id));
    }

    [Fact]
    public virtual async Task The_latest_duty_record_of_a_day_counts()
    {
        var one = Member();
        var two = Member();
        await Directory.AddAsync(one, null);
        await Directory.AddAsync(two, null);
        var day = new DateOnly(2026, 11, 3);
        await Duty.AddAsync(new DutyRecord(one.Id, day, DutyStatus.OnDuty, "", Now, one.Profile.Window), null);
        await Duty.AddAsync(new DutyRecord(one.Id, day, DutyStatus.OnLeave, "病假", Now, one.Profile.Window), null);
        await Duty.AddAsync(new DutyRecord(one.Id, day.AddDays(1), DutyStatus.Out, "", Now, one.Profile.Window), null);
        var tag = new IdempotencyTag($"d-{Guid.NewGuid():N}", "F1");
        Assert.True(await Duty.AddAsync(new DutyRecord(two.Id, day, DutyStatus.Training, "", Now, two.Profile.Window), tag));
        Assert.False(await Duty.AddAsync(new DutyRecord(two.Id, day, DutyStatus.Off, "", Now, two.Profile.Window), tag));
        var records = (await Duty.ListForDayAsync([one.Id, two.Id], day)).OrderBy(r => r.StaffId == two.Id).ToList();
        Assert.Equal([(one.Id, DutyStatus.OnLeave, "病假"), (two.Id, DutyStatus.Training, "")],
            records.Select(r => (r.StaffId, r.Status, r.Note)));
        Assert.Equal(DutyStatus.Training, (await Duty.FindByIdempotencyKeyAsync(tag.Key))!.Value.Status);
    }

    private static Designation ModelWindow(Window window, string office, DateOnly on) =>
        new(Ids.New(), DesignationKind.ModelWindow, window, office, "", on, "群众满意度第一", "机关党委", Now, null);

    [Fact]
    public virtual async Task One_designation_of_a_kind_is_in_force_per_holder_and_a_withdrawn_one_stays_on_record()
    {
        var office = $"o-{Guid.NewGuid():N}";
        var first = ModelWindow(Window.PlaceNames, office, new DateOnly(2026, 1, 5));
        Assert.Equal(DesignationWrite.Written, await Designations.AddAsync(first, null));
        Assert.Equal(first, await Designations.GetAsync(first.Id));
        Assert.Equal(DesignationWrite.HolderAlreadyDesignated,
            await Designations.AddAsync(ModelWindow(Window.PlaceNames, office, new DateOnly(2026, 2, 1)), null));

        var withdrawal = new DesignationWithdrawal(new DateOnly(2026, 6, 30), "年度考核未达标", "机关党委", Now.AddDays(1));
        var tag = new IdempotencyTag($"w-{Guid.NewGuid():N}", "F1");
        Assert.Equal(DesignationWrite.Written, await Designations.WithdrawAsync(first.Id, withdrawal, tag));
        Assert.Equal(DesignationWrite.NotInForce, await Designations.WithdrawAsync(first.Id, withdrawal, null));
        Assert.Equal(withdrawal, (await Designations.GetAsync(first.Id))!.Withdrawal);
        Assert.Equal((first.Id, "F1"), ((await Designations.FindByWithdrawalKeyAsync(tag.Key))!.Value.Id, "F1"));

        var again = ModelWindow(Window.PlaceNames, office, new DateOnly(2026, 7, 1));
        Assert.Equal(DesignationWrite.Written, await Designations.AddAsync(again, null));
        var inForce = (await Designations.ListByWindowAsync(Window.PlaceNames, false)).Where(d => d.OfficeId == office);
        Assert.Equal([again.Id], inForce.Select(d => d.Id));
        var all = (await Designations.ListByWindowAsync(Window.PlaceNames, true)).Where(d => d.OfficeId == office);
        Assert.Equal([first.Id, again.Id], all.Select(d => d.Id));
    }

    [Fact]
    public virtual async Task A_designation_idempotency_key_is_held_once()
    {
        var tag = new IdempotencyTag($"g-{Guid.NewGuid():N}", "F1");
        var first = ModelWindow(Window.ElderlyCare, $"o-{Guid.NewGuid():N}", new DateOnly(2026, 1, 5));
        Assert.Equal(DesignationWrite.Written, await Designations.AddAsync(first, tag));
        var second = ModelWindow(Window.ElderlyCare, $"o-{Guid.NewGuid():N}", new DateOnly(2026, 1, 5));
        Assert.Equal(DesignationWrite.IdempotencyKeyTaken, await Designations.AddAsync(second, tag));
        Assert.Null(await Designations.GetAsync(second.Id));
        Assert.Equal(first.Id, (await Designations.FindByIdempotencyKeyAsync(tag.Key))!.Value.Id);
    }

    [Fact]
    public virtual async Task The_conduct_code_is_seeded_once_and_edited_by_version()
    {
        await Code.SeedAsync(ConductCodeSeed.Rules(Now));
        var seeded = await Code.ListAsync(includeInactive: true);
        Assert.Equal(ConductCodeSeed.Rules(Now).Count, seeded.Count);
        Assert.Equal(Enum.GetValues<ConductPart>(), seeded.Select(r => r.Part).Distinct());

        var edited = seeded[0] with { Text = "着装整洁", Version = 2, UpdatedAt = Now.AddDays(1) };
        Assert.True(await Code.SaveAsync(edited));
        Assert.False(await Code.SaveAsync(seeded[0] with { Text = "stale", Version = 2 }));
        Assert.Equal(edited, await Code.GetAsync(seeded[0].Id));

        // A second seeding never overwrites the administrator's code.
        await Code.SeedAsync(ConductCodeSeed.Rules(Now));
        Assert.Equal("着装整洁", (await Code.GetAsync(seeded[0].Id))!.Text);
    }

    [Fact]
    public virtual async Task A_new_rule_is_created_once_and_inactive_rules_are_listed_only_on_request()
    {
        var id = $"X-{Guid.NewGuid():N}"[..16];
        var rule = new ConductRule(id, ConductPart.WorkOrder, "值班表公示", false, 1, Now);
        Assert.True(await Code.SaveAsync(rule));
        Assert.False(await Code.SaveAsync(rule with { Text = "again" }));
        Assert.DoesNotContain(id, (await Code.ListAsync(false)).Select(r => r.Id));
        Assert.Contains(rule, await Code.ListAsync(true));
        Assert.Null(await Code.GetAsync("missing"));
    }

    [Fact]
    public virtual async Task Inspections_are_listed_newest_first_within_the_dates()
    {
        var member = Member();
        var other = Member();
        await Directory.AddAsync(member, null);
        await Directory.AddAsync(other, null);
        Inspection Observed(StaffMember m, DateOnly on, InspectionKind kind) =>
            new(Ids.New(), m.Id, m.Profile.Window, "T-01", ConductPart.Attitude, "一张笑脸", kind, "督查员", "现场记录", on, Now);
        var early = Observed(member, new DateOnly(2026, 10, 30), InspectionKind.Violation);
        var mid = Observed(member, new DateOnly(2026, 11, 3), InspectionKind.Commendation);
        var late = Observed(member, new DateOnly(2026, 12, 1), InspectionKind.Commendation);
        foreach (var i in new[] { early, mid, late, Observed(other, new DateOnly(2026, 11, 4), InspectionKind.Violation) })
            await Inspections.AddAsync(i, null);
        Assert.Equal([late.Id, mid.Id, early.Id], (await Inspections.ListAsync([member.Id], null, null)).Select(i => i.Id));
        Assert.Equal([mid], await Inspections.ListAsync([member.Id], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        var tag = new IdempotencyTag($"i-{Guid.NewGuid():N}", "F1");
        var once = Observed(other, new DateOnly(2026, 11, 5), InspectionKind.Commendation);
        Assert.True(await Inspections.AddAsync(once, tag));
        Assert.False(await Inspections.AddAsync(Observed(other, new DateOnly(2026, 11, 6), InspectionKind.Commendation), tag));
        Assert.Equal(once, (await Inspections.FindByIdempotencyKeyAsync(tag.Key))!.Value);
    }

    private static Contest ContestOn(DateOnly heldOn, Window window = Window.Unspecified) =>
        new(Ids.New(), "技能比武", window, heldOn, 100, Now, []);

    [Fact]
    public virtual async Task A_score_batch_is_added_whole_or_not_at_all()
    {
        var one = Member();
        var two = Member();
        await Directory.AddAsync(one, null);
        await Directory.AddAsync(two, null);
        var contest = ContestOn(new DateOnly(2026, 11, 10));
        Assert.True(await Contests.AddAsync(contest, null));
        Assert.Equal(ScoresWrite.Written, await Contests.AddScoresAsync(contest.Id, [new ContestScore(one.Id, 90, Now)], null));
        Assert.Equal(ScoresWrite.ParticipantAlreadyScored,
            await Contests.AddScoresAsync(contest.Id, [new ContestScore(two.Id, 80, Now), new ContestScore(one.Id, 70, Now)], null));
        var stored = await Contests.GetAsync(contest.Id);
        Assert.Equal([new ContestScore(one.Id, 90, Now)], stored!.Scores);
        Assert.Equal((contest.Title, contest.HeldOn, 100.0), (stored.Title, stored.HeldOn, stored.MaxScore));
        Assert.Null(await Contests.GetAsync("missing"));
    }

    [Fact]
    public virtual async Task Score_batch_and_contest_idempotency_keys_are_held_once()
    {
        var one = Member();
        var two = Member();
        await Directory.AddAsync(one, null);
        await Directory.AddAsync(two, null);
        var contestTag = new IdempotencyTag($"c-{Guid.NewGuid():N}", "C1");
        var contest = ContestOn(new DateOnly(2026, 11, 10));
        Assert.True(await Contests.AddAsync(contest, contestTag));
        Assert.False(await Contests.AddAsync(ContestOn(new DateOnly(2026, 11, 11)), contestTag));
        Assert.Equal(contest.Id, (await Contests.FindByIdempotencyKeyAsync(contestTag.Key))!.Value.Id);

        var tag = new IdempotencyTag($"s-{Guid.NewGuid():N}", "S1");
        Assert.Equal(ScoresWrite.Written, await Contests.AddScoresAsync(contest.Id, [new ContestScore(one.Id, 90, Now)], tag));
        Assert.Equal(ScoresWrite.IdempotencyKeyTaken, await Contests.AddScoresAsync(contest.Id, [new ContestScore(two.Id, 90, Now)], tag));
        var found = await Contests.FindByScoresKeyAsync(tag.Key);
        Assert.Equal((contest.Id, "S1", 1), (found!.Value.Id, found.Fingerprint, found.Value.Scores.Count));
        Assert.Null(await Contests.FindByScoresKeyAsync("unknown"));
    }

    [Fact]
    public virtual async Task Contests_are_found_by_participant_and_by_the_days_they_were_held()
    {
        var member = Member();
        var other = Member();
        await Directory.AddAsync(member, null);
        await Directory.AddAsync(other, null);
        var october = ContestOn(new DateOnly(2030, 10, 31));
        var november = ContestOn(new DateOnly(2030, 11, 1));
        var december = ContestOn(new DateOnly(2030, 12, 1));
        foreach (var c in new[] { october, november, december }) await Contests.AddAsync(c, null);
        await Contests.AddScoresAsync(october.Id, [new ContestScore(member.Id, 50, Now)], null);
        await Contests.AddScoresAsync(november.Id, [new ContestScore(member.Id, 60, Now), new ContestScore(other.Id, 70, Now)], null);
        Assert.Equal([november.Id, october.Id], (await Contests.ListForStaffAsync(member.Id)).Select(c => c.Id));
        var held = await Contests.ListHeldBetweenAsync(new DateOnly(2030, 11, 1), new DateOnly(2030, 11, 30));
        Assert.Equal(2, Assert.Single(held).Scores.Count);
    }

    [Fact]
    public virtual async Task A_rating_is_stored_once_and_only_bad_ones_are_complaints_joined_with_their_close()
    {
        var member = Member();
        await Directory.AddAsync(member, null);
        ServiceRating Rating(RatingLevel level, int day) =>
            new($"r-{Guid.NewGuid():N}", member.Id, Window.MarriageRegistration, level, new DateOnly(2026, 10, day), null, Now);
        var bad = Rating(RatingLevel.VeryDissatisfied, 20) with { RectificationCaseId = "rc-1" };
        Assert.True(await Ratings.AddRatingAsync(bad, "F1"));
        Assert.False(await Ratings.AddRatingAsync(bad with { Level = RatingLevel.Satisfied }, "F2"));
        var older = Rating(RatingLevel.Dissatisfied, 5);
        await Ratings.AddRatingAsync(older, "F");
        await Ratings.AddRatingAsync(Rating(RatingLevel.Satisfied, 21), "F");
        Assert.Equal((bad, "F1"), ((await Ratings.FindRatingAsync(bad.RatingId))!.Value, (await Ratings.FindRatingAsync(bad.RatingId))!.Fingerprint));
        Assert.Null(await Ratings.FindRatingAsync("unknown"));

        var closure = new RectificationClosure("rc-1", member.Id, bad.RatingId, true, RectificationOutcome.Resolved, new DateOnly(2026, 10, 28), Now);
        Assert.True(await Ratings.AddClosureAsync(closure, "C1"));
        Assert.False(await Ratings.AddClosureAsync(closure with { OnTime = false }, "C2"));
        Assert.Equal("C1", (await Ratings.FindClosureAsync("rc-1"))!.Fingerprint);

        var complaints = await Ratings.ComplaintsAsync(member.Id, null, null);
        Assert.Equal([bad.RatingId, older.RatingId], complaints.Select(c => c.Rating.RatingId));
        Assert.Equal(closure, complaints[0].Closure);
        Assert.Null(complaints[1].Closure);
        Assert.Equal([older.RatingId], (await Ratings.ComplaintsAsync(member.Id, null, new DateOnly(2026, 10, 19))).Select(c => c.Rating.RatingId));
        Assert.Empty(await Ratings.ComplaintsAsync(Member().Id, null, null));
    }

    [Fact]
    public virtual async Task A_case_report_is_stored_once_per_event_and_totalled_per_month()
    {
        var one = Member();
        var two = Member();
        await Directory.AddAsync(one, null);
        await Directory.AddAsync(two, null);
        var november = new Month(2026, 11);
        CaseReport Report(StaffMember m, int count, Month month) =>
            new($"e-{Guid.NewGuid():N}", m.Id, Window.MarriageRegistration, month, count, "marriage", Now);
        var first = Report(one, 7, november);
        Assert.True(await Cases.AddAsync(first, "F1"));
        Assert.False(await Cases.AddAsync(first with { Count = 9 }, "F2"));
        await Cases.AddAsync(Report(one, 3, november), "F");
        await Cases.AddAsync(Report(one, 100, new Month(2026, 10)), "F");
        await Cases.AddAsync(Report(two, 4, november), "F");
        var totals = await Cases.TotalsAsync([one.Id, two.Id], november);
        Assert.Equal((10, 4), (totals[one.Id], totals[two.Id]));
        Assert.Equal((first, "F1"), ((await Cases.FindByEventIdAsync(first.EventId))!.Value, "F1"));
        Assert.Equal("F1", (await Cases.FindByEventIdAsync(first.EventId))!.Fingerprint);
        Assert.Null(await Cases.FindByEventIdAsync("unknown"));
    }

    [Fact]
    public virtual async Task Catalogue_versions_are_appended_once_each_and_read_back_whole()
    {
        await Catalogue.SeedAsync(CatalogueSeed.Items(new DateOnly(2026, 11, 2), Now));
        var seeded = await Catalogue.ListAsync(null);
        Assert.Equal(Enum.GetValues<Window>().Where(w => w.IsDefined()), seeded.Select(v => v.Window).Distinct().Order());
        var first = (await Catalogue.VersionsAsync("MR-01")).Single();
        Assert.Equal(CatalogueSeed.Items(new DateOnly(2026, 11, 2), Now).Single(v => v.ItemId == "MR-01").Content.Process, first.Content.Process);

        var second = first with { Version = 2, EffectiveFrom = new DateOnly(2026, 12, 1), Content = first.Content with { Name = "结婚登记（新）" } };
        Assert.True(await Catalogue.AddVersionAsync(second));
        Assert.False(await Catalogue.AddVersionAsync(second with { Content = first.Content with { Name = "race" } }));
        var versions = await Catalogue.VersionsAsync("MR-01");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("结婚登记（新）", versions[1].Content.Name);
        Assert.Equal(first.Content.TimeLimit, versions[1].Content.TimeLimit);
        Assert.All((await Catalogue.ListAsync(Window.PlaceNames)), v => Assert.Equal(Window.PlaceNames, v.Window));

        // A second seeding never overwrites the administrators' catalogue.
        await Catalogue.SeedAsync(CatalogueSeed.Items(new DateOnly(2026, 11, 2), Now));
        Assert.Equal(2, (await Catalogue.VersionsAsync("MR-01")).Count);
    }

    [Fact]
    public virtual async Task Service_times_are_stored_once_per_event_and_counted_per_month()
    {
        var item = $"T-{Guid.NewGuid():N}"[..20];
        var promise = new TimeLimit(5, TimeLimitUnit.WorkingDays);
        ServiceTimeRecord Case(int elapsed, DateOnly on) => new($"t-{Guid.NewGuid():N}", item, on, elapsed, promise, Now);
        var fast = Case(3, new DateOnly(2026, 11, 3));
        Assert.True(await Times.AddAsync(fast, "F1"));
        Assert.False(await Times.AddAsync(fast with { Elapsed = 9 }, "F2"));
        await Times.AddAsync(Case(7, new DateOnly(2026, 11, 4)), "F");
        await Times.AddAsync(Case(5, new DateOnly(2026, 11, 30)), "F");
        await Times.AddAsync(Case(1, new DateOnly(2026, 12, 1)), "F");
        Assert.Equal((3, 2), await Times.MonthAsync(item, new Month(2026, 11)));
        Assert.Equal((0, 0), await Times.MonthAsync("other", new Month(2026, 11)));
        var found = await Times.FindByEventIdAsync(fast.EventId);
        Assert.Equal((fast, "F1"), (found!.Value, found.Fingerprint));
    }
}
