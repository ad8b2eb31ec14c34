using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>Commitments kept or broken with evidence, and the overdue list.</summary>
public sealed class CommitmentGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private async Task<V1.Commitment> PublishAsync(V1.StaffMember member, int daysAhead, string text = "窗口一次办好") =>
        await Client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = member.StaffId, Text = text, Deadline = _host.Date(daysAhead) });

    private static ResolveCommitmentRequest Outcome(V1.Commitment commitment, CommitmentOutcomeKind kind) => new()
    {
        CommitmentId = commitment.CommitmentId, Outcome = kind, Evidence = "服务台账 2026-11 第3页", RecordedBy = "督查组",
    };

    [Fact]
    public async Task A_kept_commitment_shows_kept_with_its_evidence_even_after_the_deadline()
    {
        var member = await _host.RegisterAsync();
        var commitment = await PublishAsync(member, 1);
        var kept = await Client.ResolveCommitmentAsync(Outcome(commitment, CommitmentOutcomeKind.CommitmentKept));
        Assert.Equal(V1.CommitmentStatus.Kept, kept.Status);
        Assert.Equal(("服务台账 2026-11 第3页", "督查组"), (kept.Evidence, kept.RecordedBy));
        _host.Clock.Advance(TimeSpan.FromDays(5));
        var wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(V1.CommitmentStatus.Kept, Assert.Single(Assert.Single(wall.Staff).Commitments).Status);
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_and_a_second_one_is_refused_by_rule()
    {
        var member = await _host.RegisterAsync();
        var commitment = await PublishAsync(member, 1);
        await Client.ResolveCommitmentAsync(Outcome(commitment, CommitmentOutcomeKind.CommitmentBroken));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ResolveCommitmentAsync(Outcome(commitment, CommitmentOutcomeKind.CommitmentKept)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("broken", error.Status.Detail);
    }

    [Fact]
    public async Task An_outcome_needs_its_kind_and_evidence_and_an_existing_commitment()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ResolveCommitmentAsync(new ResolveCommitmentRequest
        {
            CommitmentId = "c", RecordedBy = "x",
        }).ResponseAsync);
        Assert.Equal(["outcome", "evidence"], error.Fields());
        error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ResolveCommitmentAsync(Outcome(new V1.Commitment { CommitmentId = "nothing" }, CommitmentOutcomeKind.CommitmentKept)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_retried_outcome_replays_and_other_content_under_the_same_key_is_refused()
    {
        var member = await _host.RegisterAsync();
        var commitment = await PublishAsync(member, 1);
        var request = Outcome(commitment, CommitmentOutcomeKind.CommitmentKept);
        request.IdempotencyKey = "out-1";
        var first = await Client.ResolveCommitmentAsync(request);
        var again = await Client.ResolveCommitmentAsync(request);
        Assert.Equal(first, again);
        request.Evidence = "另一份证据";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ResolveCommitmentAsync(request).ResponseAsync);
        Assert.Equal(["idempotency_key"], error.Fields());
    }

    [Fact]
    public async Task The_overdue_list_holds_open_commitments_past_their_deadline_oldest_first()
    {
        var member = await _host.RegisterAsync();
        var elsewhere = await _host.RegisterAsync(WindowType.ChildWelfare);
        var first = await PublishAsync(member, 1, "一");
        var second = await PublishAsync(elsewhere, 2, "二");
        var kept = await PublishAsync(member, 1, "三");
        await PublishAsync(member, 10, "四");
        await Client.ResolveCommitmentAsync(Outcome(kept, CommitmentOutcomeKind.CommitmentKept));
        _host.Clock.Advance(TimeSpan.FromDays(4));

        var all = await Client.ListOverdueCommitmentsAsync(new ListOverdueCommitmentsRequest());
        Assert.Equal([first.CommitmentId, second.CommitmentId], all.Commitments.Select(c => c.Commitment.CommitmentId));
        Assert.Equal([3, 2], all.Commitments.Select(c => c.DaysOverdue));
        Assert.All(all.Commitments, c => Assert.Equal(V1.CommitmentStatus.Overdue, c.Commitment.Status));
        Assert.Equal(member.BadgeNumber, all.Commitments[0].BadgeNumber);

        var child = await Client.ListOverdueCommitmentsAsync(new ListOverdueCommitmentsRequest { Window = WindowType.ChildWelfare });
        Assert.Equal(second.CommitmentId, Assert.Single(child.Commitments).Commitment.CommitmentId);
    }
}
