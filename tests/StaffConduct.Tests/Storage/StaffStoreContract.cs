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
        Assert.Equal(StaffInsert.Added, await Directory.AddAsync(member, null));
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
        Assert.Equal(StaffInsert.BadgeNumberTaken, await Directory.AddAsync(second, null));
        Assert.Null(await Directory.GetAsync(second.Id));
    }

    [Fact]
    public virtual async Task An_idempotency_key_is_held_once_and_finds_the_first_record()
    {
        var tag = new IdempotencyTag($"k-{Guid.NewGuid():N}", "F1");
        var first = Member();
        Assert.Equal(StaffInsert.Added, await Directory.AddAsync(first, tag));
        var second = Member();
        Assert.Equal(StaffInsert.IdempotencyKeyTaken, await Directory.AddAsync(second, tag with { Fingerprint = "F2" }));
        Assert.Null(await Directory.GetAsync(second.Id));
        var found = await Directory.FindByIdempotencyKeyAsync(tag.Key);
        Assert.Equal(first.Id, found?.Value.Id);
        Assert.Equal("F1", found?.Fingerprint);
        Assert.Null(await Directory.FindByIdempotencyKeyAsync("unknown"));
        // Many writes without a key do not collide with each other.
        Assert.Equal(StaffInsert.Added, await Directory.AddAsync(Member(), null));
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
}
