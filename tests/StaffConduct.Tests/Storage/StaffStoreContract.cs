using CivilAffairs.StaffConduct.Domain;

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
}
