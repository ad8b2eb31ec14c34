using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.Storage;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>
/// What the adapters of the staff-conduct ports do over the document store, on each engine: SQLite always, MongoDB
/// when <c>MONGODB_URI</c> is set. Each case runs on a fresh store.
/// </summary>
public sealed class StaffStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh store with every adapter over it.</summary>
    private sealed class Ports(FreshStore fresh) : IAsyncDisposable
    {
        public IDocumentStore Store => fresh.Store;
        public IStaffDirectory Directory { get; } = new StaffDirectory(fresh.Store);
        public ICommitmentBook Commitments { get; } = new CommitmentBook(fresh.Store);
        public IDutyLog Duty { get; } = new DutyLog(fresh.Store);
        public IDesignationRegister Designations { get; } = new DesignationRegister(fresh.Store);
        public IConductCode Code { get; } = new ConductCode(fresh.Store);
        public IInspectionLog Inspections { get; } = new InspectionLog(fresh.Store);
        public IContestBook Contests { get; } = new ContestBook(fresh.Store);
        public ICaseLedger Cases { get; } = new CaseLedger(fresh.Store);
        public IRatingLedger Ratings { get; } = new RatingLedger(fresh.Store);
        public IServiceCatalogue Catalogue { get; } = new ServiceCatalogue(fresh.Store);
        public IServiceTimeLedger Times { get; } = new ServiceTimeLedger(fresh.Store);

        /// <summary>The start-up seeding of the conduct code and the catalogue, on the bureau's 2026-11-02.</summary>
        public Task SeedAsync()
        {
            var time = new FakeTimeProvider(Now);
            return new StoreSeeding(time, new BureauClock(time, BureauClock.ChinaStandardTime)).MigrateAsync(Store, CancellationToken.None);
        }

        public static async Task<Ports> OpenAsync(string kind) => new(await FreshStore.CreateAsync(kind, StaffConductDocuments.All));

        public ValueTask DisposeAsync() => fresh.DisposeAsync();
    }

    private static int _badge;

    private static StaffMember Member(Window window = Window.MarriageRegistration, string office = "office-1", string? badge = null) =>
        StaffMember.Register(new StaffProfile("张晓明", badge ?? $"T-{Interlocked.Increment(ref _badge):D5}",
            "photos/a.jpg", window, office, "登记员", ["受理", "发证"], true), Now);

    private static Commitment CommitmentOf(StaffMember member, DateOnly deadline, CommitmentOutcome? outcome = null) =>
        new(Ids.New(), member.Id, member.Profile.Window, "一次办好", deadline, Now, outcome);

    private static StaffChange ChangeOf(StaffMember updated, string reason = "调岗") =>
        new(updated.Id, updated.Version, updated.Profile, Now.AddDays(1), reason, "人事科");

    [MongoFact]
    public Task On_MongoDB_a_change_and_its_history_are_written_together_as_on_SQLite() =>
        A_change_replaces_the_record_and_appends_to_its_history(StoreKinds.Mongo);

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_staff_member_reads_back_as_stored(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        Assert.Equal(StaffWrite.Written, await ports.Directory.AddAsync(member));
        var read = await ports.Directory.GetAsync(member.Id);
        Assert.NotNull(read);
        Assert.Equal(member with { Profile = member.Profile with { Duties = read.Profile.Duties } }, read);
        Assert.Equal(member.Profile.Duties, read.Profile.Duties);
        Assert.Null(await ports.Directory.GetAsync("missing"));
        Assert.Equal([StaffChange.Registration(member).Reason], (await ports.Directory.ListHistoryAsync(member.Id)).Select(h => h.Reason));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_taken_badge_number_stores_nothing(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var first = Member();
        await ports.Directory.AddAsync(first);
        var second = Member(Window.ElderlyCare, badge: first.Profile.BadgeNumber);
        Assert.Equal(StaffWrite.BadgeNumberTaken, await ports.Directory.AddAsync(second));
        Assert.Null(await ports.Directory.GetAsync(second.Id));
        Assert.Empty(await ports.Directory.ListHistoryAsync(second.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_window_lists_its_staff_by_badge_and_optionally_one_office(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var window = Window.AdoptionRegistration;
        var b = Member(window, "office-2", badge: "Z-0001");
        var a = Member(window, "office-1", badge: "Y-0001");
        await ports.Directory.AddAsync(b);
        await ports.Directory.AddAsync(a);
        await ports.Directory.AddAsync(Member(Window.VagrantRelief));
        Assert.Equal([a.Id, b.Id], (await ports.Directory.ListByWindowAsync(window, null)).Select(m => m.Id));
        Assert.Equal([b.Id], (await ports.Directory.ListByWindowAsync(window, "office-2")).Select(m => m.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_change_replaces_the_record_and_appends_to_its_history(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        await ports.Directory.AddAsync(member);
        var updated = member.Change(member.Profile with { Post = "窗口负责人", Window = Window.ElderlyCare });
        Assert.Equal(StaffWrite.Written, await ports.Directory.UpdateAsync(updated, ChangeOf(updated)));
        Assert.Equal(("窗口负责人", 2), ((await ports.Directory.GetAsync(member.Id))!.Profile.Post, (await ports.Directory.GetAsync(member.Id))!.Version));
        var history = await ports.Directory.ListHistoryAsync(member.Id);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal(["登记员", "窗口负责人"], history.Select(h => h.Profile.Post));
        Assert.Equal([StaffChange.RegisteredReason, "调岗"], history.Select(h => h.Reason));
        Assert.Equal(Window.ElderlyCare, history[1].Profile.Window);
        Assert.Equal(member.Profile.Duties, history[0].Profile.Duties);
        Assert.Equal([member.Id], (await ports.Directory.ListByWindowAsync(Window.ElderlyCare, null)).Select(m => m.Id));
        Assert.Empty(await ports.Directory.ListByWindowAsync(Window.MarriageRegistration, null));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_change_from_an_old_version_writes_nothing(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        await ports.Directory.AddAsync(member);
        var first = member.Change(member.Profile with { Post = "A" });
        await ports.Directory.UpdateAsync(first, ChangeOf(first));
        var stale = member.Change(member.Profile with { Post = "B" });
        Assert.Equal(StaffWrite.VersionConflict, await ports.Directory.UpdateAsync(stale, ChangeOf(stale, "later")));
        Assert.Equal("A", (await ports.Directory.GetAsync(member.Id))!.Profile.Post);
        Assert.Equal([StaffChange.RegisteredReason, "调岗"], (await ports.Directory.ListHistoryAsync(member.Id)).Select(h => h.Reason));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_change_to_a_taken_badge_writes_nothing(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var holder = Member();
        var member = Member();
        await ports.Directory.AddAsync(holder);
        await ports.Directory.AddAsync(member);
        var updated = member.Change(member.Profile with { BadgeNumber = holder.Profile.BadgeNumber });
        Assert.Equal(StaffWrite.BadgeNumberTaken, await ports.Directory.UpdateAsync(updated, ChangeOf(updated)));
        Assert.Equal(1, (await ports.Directory.GetAsync(member.Id))!.Version);
        Assert.Single(await ports.Directory.ListHistoryAsync(member.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Staff_are_found_by_a_set_of_ids_in_badge_order(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var one = Member(badge: "A-0002");
        var two = Member(badge: "A-0001");
        await ports.Directory.AddAsync(one);
        await ports.Directory.AddAsync(two);
        Assert.Equal([two.Id, one.Id], (await ports.Directory.ListByIdsAsync([one.Id, two.Id, "missing"])).Select(m => m.Id));
        Assert.Empty(await ports.Directory.ListByIdsAsync([]));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_commitment_reads_back_with_its_outcome(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        var open = CommitmentOf(member, new DateOnly(2026, 11, 30));
        var kept = CommitmentOf(member, new DateOnly(2026, 11, 10), new CommitmentOutcome(true, "台账第3页", "inspector-1", Now.AddDays(3)));
        await ports.Commitments.AddAsync(open);
        await ports.Commitments.AddAsync(kept);
        Assert.Equal(open, await ports.Commitments.GetAsync(open.Id));
        Assert.Equal(kept, await ports.Commitments.GetAsync(kept.Id));
        Assert.Null(await ports.Commitments.GetAsync("missing"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Commitments_are_listed_for_the_asked_staff_by_deadline_and_within_the_dates_asked(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var one = Member();
        var two = Member();
        var late = CommitmentOf(one, new DateOnly(2026, 12, 31));
        var early = CommitmentOf(two, new DateOnly(2026, 11, 5));
        var november = CommitmentOf(one, new DateOnly(2026, 11, 30));
        foreach (var c in new[] { late, early, november, CommitmentOf(Member(), new DateOnly(2026, 11, 6)) }) await ports.Commitments.AddAsync(c);
        Assert.Equal([early.Id, november.Id, late.Id], (await ports.Commitments.ListByStaffAsync([one.Id, two.Id])).Select(c => c.Id));
        Assert.Equal([early.Id, november.Id],
            (await ports.Commitments.ListByStaffAsync([one.Id, two.Id], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))).Select(c => c.Id));
        Assert.Empty(await ports.Commitments.ListByStaffAsync([]));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_outcome_is_recorded_once(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var commitment = CommitmentOf(Member(), new DateOnly(2026, 11, 30));
        await ports.Commitments.AddAsync(commitment);
        var kept = new CommitmentOutcome(true, "台账", "科长", Now.AddDays(2));
        Assert.Equal(CommitmentResolve.Resolved, await ports.Commitments.ResolveAsync(commitment.Id, kept));
        var broken = new CommitmentOutcome(false, "投诉", "科长", Now.AddDays(3));
        Assert.Equal(CommitmentResolve.AlreadyResolved, await ports.Commitments.ResolveAsync(commitment.Id, broken));
        Assert.Equal(kept, (await ports.Commitments.GetAsync(commitment.Id))!.Outcome);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Open_commitments_due_before_a_day_are_listed_by_deadline_and_window(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var marriage = Member(Window.MarriageRegistration);
        var funeral = Member(Window.FuneralServices);
        var day = new DateOnly(2027, 3, 10);
        var late = CommitmentOf(marriage, day.AddDays(-1));
        var later = CommitmentOf(funeral, day.AddDays(-5));
        var onTheDay = CommitmentOf(marriage, day);
        var resolved = CommitmentOf(marriage, day.AddDays(-9), new CommitmentOutcome(false, "x", "y", Now));
        var resolvedLater = CommitmentOf(marriage, day.AddDays(-8));
        foreach (var c in new[] { late, later, onTheDay, resolved, resolvedLater }) await ports.Commitments.AddAsync(c);
        await ports.Commitments.ResolveAsync(resolvedLater.Id, new CommitmentOutcome(true, "x", "y", Now));
        Assert.Equal([later.Id, late.Id], (await ports.Commitments.ListOpenDueBeforeAsync(null, day)).Select(c => c.Id));
        Assert.Equal([late.Id], (await ports.Commitments.ListOpenDueBeforeAsync(Window.MarriageRegistration, day)).Select(c => c.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task The_latest_duty_record_of_a_day_counts(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var one = Member();
        var two = Member();
        var day = new DateOnly(2026, 11, 3);
        await ports.Duty.AddAsync(new DutyRecord(one.Id, day, DutyStatus.OnDuty, "", Now, one.Profile.Window));
        await ports.Duty.AddAsync(new DutyRecord(one.Id, day, DutyStatus.OnLeave, "病假", Now, one.Profile.Window));
        await ports.Duty.AddAsync(new DutyRecord(one.Id, day.AddDays(1), DutyStatus.Out, "", Now, one.Profile.Window));
        await ports.Duty.AddAsync(new DutyRecord(two.Id, day, DutyStatus.Training, "", Now, two.Profile.Window));
        var records = (await ports.Duty.ListForDayAsync([one.Id, two.Id, Member().Id], day)).OrderBy(r => r.StaffId == two.Id).ToList();
        Assert.Equal([(one.Id, DutyStatus.OnLeave, "病假"), (two.Id, DutyStatus.Training, "")], records.Select(r => (r.StaffId, r.Status, r.Note)));
        Assert.Equal(DutyStatus.Out, Assert.Single(await ports.Duty.ListForDayAsync([one.Id], day.AddDays(1))).Status);
        Assert.Empty(await ports.Duty.ListForDayAsync([], day));
    }

    private static Designation ModelWindow(Window window, string office, DateOnly on) =>
        new(Ids.New(), DesignationKind.ModelWindow, window, office, "", on, "群众满意度第一", "机关党委", Now, null);

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task One_designation_of_a_kind_is_in_force_per_holder_and_a_withdrawn_one_stays_on_record(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var first = ModelWindow(Window.PlaceNames, "office-9", new DateOnly(2026, 1, 5));
        Assert.Equal(DesignationWrite.Written, await ports.Designations.AddAsync(first));
        Assert.Equal(first, await ports.Designations.GetAsync(first.Id));
        Assert.Equal(DesignationWrite.HolderAlreadyDesignated,
            await ports.Designations.AddAsync(ModelWindow(Window.PlaceNames, "office-9", new DateOnly(2026, 2, 1))));
        Assert.Equal(DesignationWrite.Written, await ports.Designations.AddAsync(ModelWindow(Window.PlaceNames, "office-8", new DateOnly(2026, 2, 1))));

        var withdrawal = new DesignationWithdrawal(new DateOnly(2026, 6, 30), "年度考核未达标", "机关党委", Now.AddDays(1));
        Assert.Equal(DesignationWrite.Written, await ports.Designations.WithdrawAsync(first.Id, withdrawal));
        Assert.Equal(DesignationWrite.NotInForce, await ports.Designations.WithdrawAsync(first.Id, withdrawal with { Reason = "again" }));
        Assert.Equal(withdrawal, (await ports.Designations.GetAsync(first.Id))!.Withdrawal);

        var again = ModelWindow(Window.PlaceNames, "office-9", new DateOnly(2026, 7, 1));
        Assert.Equal(DesignationWrite.Written, await ports.Designations.AddAsync(again));
        var inForce = (await ports.Designations.ListByWindowAsync(Window.PlaceNames, false)).Where(d => d.OfficeId == "office-9");
        Assert.Equal([again.Id], inForce.Select(d => d.Id));
        var all = (await ports.Designations.ListByWindowAsync(Window.PlaceNames, true)).Where(d => d.OfficeId == "office-9");
        Assert.Equal([first.Id, again.Id], all.Select(d => d.Id));
        Assert.Empty(await ports.Designations.ListByWindowAsync(Window.ElderlyCare, true));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task The_conduct_code_is_seeded_once_and_edited_by_version(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        await ports.SeedAsync();
        var seeded = await ports.Code.ListAsync(includeInactive: true);
        Assert.Equal(ConductCodeSeed.Rules(Now).Select(r => r.Id), seeded.Select(r => r.Id));
        Assert.Equal(Enum.GetValues<ConductPart>(), seeded.Select(r => r.Part).Distinct());

        var edited = seeded[0] with { Text = "着装整洁", Version = 2, UpdatedAt = Now.AddDays(1) };
        Assert.True(await ports.Code.SaveAsync(edited));
        Assert.False(await ports.Code.SaveAsync(seeded[0] with { Text = "stale", Version = 2 }));
        Assert.Equal(edited, await ports.Code.GetAsync(seeded[0].Id));
        Assert.True(await ports.Code.SaveAsync(edited with { Text = "第三版", Version = 3 }));

        // A second start never overwrites the administrator's code.
        await ports.SeedAsync();
        Assert.Equal(("第三版", 3), ((await ports.Code.GetAsync(seeded[0].Id))!.Text, (await ports.Code.GetAsync(seeded[0].Id))!.Version));
        Assert.Equal(seeded.Count, (await ports.Code.ListAsync(true)).Count);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_new_rule_is_created_once_and_inactive_rules_are_listed_only_on_request_by_part(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var retired = new ConductRule("A-9", ConductPart.WorkOrder, "值班表公示", false, 1, Now);
        var attitude = new ConductRule("Z-1", ConductPart.Attitude, "耐心解答", true, 1, Now);
        var behaviour = new ConductRule("Z-2", ConductPart.Behaviour, "起身示意", true, 1, Now);
        foreach (var rule in new[] { retired, attitude, behaviour }) Assert.True(await ports.Code.SaveAsync(rule));
        Assert.False(await ports.Code.SaveAsync(retired with { Text = "again" }));
        Assert.False(await ports.Code.SaveAsync(new ConductRule("Q-1", ConductPart.WorkOrder, "never created", true, 2, Now)));
        // By the code's own order of parts (behaviour before attitude), not by their names.
        Assert.Equal(["Z-2", "Z-1"], (await ports.Code.ListAsync(false)).Select(r => r.Id));
        Assert.Equal([behaviour, attitude, retired], await ports.Code.ListAsync(true));
        Assert.Null(await ports.Code.GetAsync("Q-1"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Inspections_are_listed_newest_first_within_the_dates(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        var other = Member();
        Inspection Observed(StaffMember m, DateOnly on, InspectionKind kind, int minutes = 0) =>
            new(Ids.New(), m.Id, m.Profile.Window, "T-01", ConductPart.Attitude, "一张笑脸", kind, "督查员", "现场记录", on, Now.AddMinutes(minutes));
        var early = Observed(member, new DateOnly(2026, 10, 30), InspectionKind.Violation);
        var mid = Observed(member, new DateOnly(2026, 11, 3), InspectionKind.Commendation);
        var midLater = Observed(member, new DateOnly(2026, 11, 3), InspectionKind.Violation, minutes: 5);
        var late = Observed(member, new DateOnly(2026, 12, 1), InspectionKind.Commendation);
        foreach (var i in new[] { early, mid, midLater, late, Observed(other, new DateOnly(2026, 11, 4), InspectionKind.Violation) })
            await ports.Inspections.AddAsync(i);
        Assert.Equal([late.Id, midLater.Id, mid.Id, early.Id], (await ports.Inspections.ListAsync([member.Id], null, null)).Select(i => i.Id));
        Assert.Equal([midLater, mid], await ports.Inspections.ListAsync([member.Id], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(5, (await ports.Inspections.ListAsync([member.Id, other.Id], null, null)).Count);
        Assert.Empty(await ports.Inspections.ListAsync([], null, null));
    }

    private static Contest ContestOn(DateOnly heldOn, Window window = Window.Unspecified) => new(Ids.New(), "技能比武", window, heldOn, 100, Now, []);

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_score_batch_is_added_whole_or_not_at_all(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var (one, two, three) = (Member(), Member(), Member());
        var contest = ContestOn(new DateOnly(2026, 11, 10));
        await ports.Contests.AddAsync(contest);
        Assert.Equal(ScoresWrite.Written, await ports.Contests.AddScoresAsync(contest.Id, [new ContestScore(one.Id, 90, Now)]));
        Assert.Equal(ScoresWrite.ParticipantAlreadyScored,
            await ports.Contests.AddScoresAsync(contest.Id, [new ContestScore(two.Id, 80, Now), new ContestScore(one.Id, 70, Now)]));
        Assert.Equal(ScoresWrite.Written,
            await ports.Contests.AddScoresAsync(contest.Id, [new ContestScore(three.Id, 60, Now), new ContestScore(two.Id, 80, Now)]));
        var stored = await ports.Contests.GetAsync(contest.Id);
        Assert.Equal([new ContestScore(one.Id, 90, Now), new ContestScore(three.Id, 60, Now), new ContestScore(two.Id, 80, Now)], stored!.Scores);
        Assert.Equal((contest.Title, contest.HeldOn, 100.0), (stored.Title, stored.HeldOn, stored.MaxScore));
        Assert.Null(await ports.Contests.GetAsync("missing"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Contests_are_found_by_participant_and_by_the_days_they_were_held(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var (member, other) = (Member(), Member());
        var october = ContestOn(new DateOnly(2030, 10, 31));
        var november = ContestOn(new DateOnly(2030, 11, 1));
        var december = ContestOn(new DateOnly(2030, 12, 1));
        foreach (var c in new[] { october, november, december }) await ports.Contests.AddAsync(c);
        await ports.Contests.AddScoresAsync(october.Id, [new ContestScore(member.Id, 50, Now)]);
        await ports.Contests.AddScoresAsync(november.Id, [new ContestScore(member.Id, 60, Now), new ContestScore(other.Id, 70, Now)]);
        Assert.Equal([november.Id, october.Id], (await ports.Contests.ListForStaffAsync(member.Id)).Select(c => c.Id));
        Assert.Equal([november.Id], (await ports.Contests.ListForStaffAsync(other.Id)).Select(c => c.Id));
        var held = await ports.Contests.ListHeldBetweenAsync(new DateOnly(2030, 11, 1), new DateOnly(2030, 11, 30));
        Assert.Equal(2, Assert.Single(held).Scores.Count);
        Assert.Equal([october.Id, november.Id, december.Id],
            (await ports.Contests.ListHeldBetweenAsync(new DateOnly(2030, 10, 1), new DateOnly(2030, 12, 31))).Select(c => c.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_rating_is_stored_once_and_only_bad_ones_are_complaints_joined_with_their_close(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var member = Member();
        ServiceRating Rating(RatingLevel level, int day) =>
            new($"r-{Guid.NewGuid():N}", member.Id, Window.MarriageRegistration, level, new DateOnly(2026, 10, day), null, Now);
        var bad = Rating(RatingLevel.VeryDissatisfied, 20) with { RectificationCaseId = "rc-1" };
        Assert.True(await ports.Ratings.AddRatingAsync(bad));
        Assert.False(await ports.Ratings.AddRatingAsync(bad with { Level = RatingLevel.Satisfied }));
        var older = Rating(RatingLevel.Dissatisfied, 5);
        await ports.Ratings.AddRatingAsync(older);
        await ports.Ratings.AddRatingAsync(Rating(RatingLevel.Satisfied, 21));
        Assert.Equal(bad, await ports.Ratings.FindRatingAsync(bad.RatingId));
        Assert.Null(await ports.Ratings.FindRatingAsync("unknown"));

        var closure = new RectificationClosure("rc-1", member.Id, bad.RatingId, true, RectificationOutcome.Resolved, new DateOnly(2026, 10, 28), Now);
        Assert.True(await ports.Ratings.AddClosureAsync(closure));
        Assert.False(await ports.Ratings.AddClosureAsync(closure with { OnTime = false }));
        Assert.Equal(closure, await ports.Ratings.FindClosureAsync("rc-1"));

        var complaints = await ports.Ratings.ComplaintsAsync(member.Id, null, null);
        Assert.Equal([bad.RatingId, older.RatingId], complaints.Select(c => c.Rating.RatingId));
        Assert.Equal(closure, complaints[0].Closure);
        Assert.Null(complaints[1].Closure);
        Assert.Equal([older.RatingId], (await ports.Ratings.ComplaintsAsync(member.Id, null, new DateOnly(2026, 10, 19))).Select(c => c.Rating.RatingId));
        Assert.Equal([bad.RatingId], (await ports.Ratings.ComplaintsAsync(member.Id, new DateOnly(2026, 10, 19), null)).Select(c => c.Rating.RatingId));
        Assert.Empty(await ports.Ratings.ComplaintsAsync(Member().Id, null, null));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_case_report_is_stored_once_per_event_and_totalled_per_month(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var (one, two) = (Member(), Member());
        var november = new Month(2026, 11);
        CaseReport Report(StaffMember m, int count, Month month) =>
            new($"e-{Guid.NewGuid():N}", m.Id, Window.MarriageRegistration, month, count, "marriage", Now);
        var first = Report(one, 7, november);
        Assert.True(await ports.Cases.AddAsync(first));
        Assert.False(await ports.Cases.AddAsync(first with { Count = 9 }));
        await ports.Cases.AddAsync(Report(one, 3, november));
        await ports.Cases.AddAsync(Report(one, 100, new Month(2026, 10)));
        await ports.Cases.AddAsync(Report(two, 4, november));
        await ports.Cases.AddAsync(Report(Member(), 50, november));
        var totals = await ports.Cases.TotalsAsync([one.Id, two.Id, "nobody"], november);
        Assert.Equal(2, totals.Count);
        Assert.Equal((10, 4), (totals[one.Id], totals[two.Id]));
        Assert.Equal(first, await ports.Cases.FindByEventIdAsync(first.EventId));
        Assert.Null(await ports.Cases.FindByEventIdAsync("unknown"));
        Assert.Empty(await ports.Cases.TotalsAsync([], november));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Catalogue_versions_are_appended_once_each_and_read_back_whole(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        await ports.SeedAsync();
        var seed = CatalogueSeed.Items(new DateOnly(2026, 11, 2), Now);
        var seeded = await ports.Catalogue.ListAsync(null);
        Assert.Equal(seed.Select(v => v.ItemId).Order(StringComparer.Ordinal), seeded.Select(v => v.ItemId));
        Assert.Equal(Enum.GetValues<Window>().Where(w => w.IsDefined()), seeded.Select(v => v.Window).Distinct().Order());
        var first = (await ports.Catalogue.VersionsAsync("MR-01")).Single();
        Assert.Equal(seed.Single(v => v.ItemId == "MR-01").Content.Process, first.Content.Process);
        Assert.True(seed.Single(v => v.ItemId == "MR-01").Content.SameAs(first.Content));

        var second = first with { Version = 2, EffectiveFrom = new DateOnly(2026, 12, 1), Content = first.Content with { Name = "结婚登记（新）" } };
        Assert.True(await ports.Catalogue.AddVersionAsync(second));
        Assert.False(await ports.Catalogue.AddVersionAsync(second with { Content = first.Content with { Name = "race" } }));
        var versions = await ports.Catalogue.VersionsAsync("MR-01");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("结婚登记（新）", versions[1].Content.Name);
        Assert.Equal(first.Content.TimeLimit, versions[1].Content.TimeLimit);
        Assert.Equal(["PN-01", "PN-02"], (await ports.Catalogue.ListAsync(Window.PlaceNames)).Select(v => v.ItemId));

        // A second start never overwrites the administrators' catalogue.
        await ports.SeedAsync();
        Assert.Equal(2, (await ports.Catalogue.VersionsAsync("MR-01")).Count);
        Assert.Equal(seed.Count + 1, (await ports.Catalogue.ListAsync(null)).Count);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Service_times_are_stored_once_per_event_and_counted_per_month(string kind)
    {
        await using var ports = await Ports.OpenAsync(kind);
        var promise = new TimeLimit(5, TimeLimitUnit.WorkingDays);
        ServiceTimeRecord Case(int elapsed, DateOnly on, string item = "T-01") => new($"t-{Guid.NewGuid():N}", item, on, elapsed, promise, Now);
        var fast = Case(3, new DateOnly(2026, 11, 3));
        Assert.True(await ports.Times.AddAsync(fast));
        Assert.False(await ports.Times.AddAsync(fast with { Elapsed = 9 }));
        await ports.Times.AddAsync(Case(7, new DateOnly(2026, 11, 4)));
        await ports.Times.AddAsync(Case(5, new DateOnly(2026, 11, 30)));
        await ports.Times.AddAsync(Case(1, new DateOnly(2026, 12, 1)));
        await ports.Times.AddAsync(Case(1, new DateOnly(2026, 11, 5), item: "T-02"));
        Assert.Equal((3, 2), await ports.Times.MonthAsync("T-01", new Month(2026, 11)));
        Assert.Equal((0, 0), await ports.Times.MonthAsync("other", new Month(2026, 11)));
        Assert.Equal(fast, await ports.Times.FindByEventIdAsync(fast.EventId));
    }
}
