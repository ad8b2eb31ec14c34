using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class CommitmentStatusTests
{
    private static readonly DateOnly Deadline = new(2026, 11, 30);

    private static Commitment Made(CommitmentOutcome? outcome = null) =>
        new("c1", "s1", Window.MarriageRegistration, "十分钟办结", Deadline, DateTimeOffset.UnixEpoch, outcome);

    [Fact]
    public void An_open_commitment_is_published_up_to_and_on_its_deadline_day()
    {
        Assert.Equal(CommitmentStatus.Published, Made().StatusOn(Deadline.AddDays(-3)));
        Assert.Equal(CommitmentStatus.Published, Made().StatusOn(Deadline));
    }

    [Fact]
    public void An_open_commitment_is_overdue_the_day_after_its_deadline() =>
        Assert.Equal(CommitmentStatus.Overdue, Made().StatusOn(Deadline.AddDays(1)));

    [Fact]
    public void Kept_and_broken_stay_so_after_the_deadline()
    {
        var kept = Made(new CommitmentOutcome(true, "台账", "inspector", DateTimeOffset.UnixEpoch));
        var broken = Made(new CommitmentOutcome(false, "投诉", "inspector", DateTimeOffset.UnixEpoch));
        Assert.Equal(CommitmentStatus.Kept, kept.StatusOn(Deadline.AddDays(10)));
        Assert.Equal(CommitmentStatus.Broken, broken.StatusOn(Deadline.AddDays(10)));
    }
}
