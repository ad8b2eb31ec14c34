using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>Skills contests and drills (比技能): participants, scores, results per staff member.</summary>
public sealed class ContestGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private Task<V1.Contest> CreateAsync(WindowType window = WindowType.MarriageRegistration) =>
        Client.CreateContestAsync(new CreateContestRequest { Title = "业务知识竞赛", Window = window, HeldOn = _host.Date(0), MaxScore = 100 }).ResponseAsync;

    private static V1.ContestScore Score(V1.StaffMember m, double score) => new() { StaffId = m.StaffId, Score = score };

    [Fact]
    public async Task Scores_are_ranked_and_each_participant_sees_their_results()
    {
        var a = await _host.RegisterAsync();
        var b = await _host.RegisterAsync();
        var c = await _host.RegisterAsync();
        var contest = await CreateAsync();
        var scored = await Client.RecordContestScoresAsync(new RecordContestScoresRequest
        {
            ContestId = contest.ContestId, Scores = { Score(a, 88), Score(b, 95), Score(c, 88) },
        });
        Assert.Equal([(b.StaffId, 1), (a.StaffId, 2), (c.StaffId, 2)], scored.Scores.Select(s => (s.StaffId, s.Rank)).OrderBy(x => x.Item2).ThenBy(x => x.Item1 == c.StaffId));
        Assert.Equal("张晓明", scored.Scores[0].StaffName);

        var results = await Client.ListStaffContestResultsAsync(new ListStaffContestResultsRequest { StaffId = a.StaffId });
        var result = Assert.Single(results.Results);
        Assert.Equal((88.0, 100.0, 2, 3), (result.Score, result.MaxScore, result.Rank, result.Participants));
        Assert.Equal(scored, await Client.GetContestAsync(new GetContestRequest { ContestId = contest.ContestId }));
    }

    [Fact]
    public async Task A_participant_is_scored_once_and_a_refused_batch_writes_nothing()
    {
        var a = await _host.RegisterAsync();
        var b = await _host.RegisterAsync();
        var contest = await CreateAsync();
        await Client.RecordContestScoresAsync(new RecordContestScoresRequest { ContestId = contest.ContestId, Scores = { Score(a, 80) } });
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordContestScoresAsync(new RecordContestScoresRequest
        {
            ContestId = contest.ContestId, Scores = { Score(b, 70), Score(a, 90) },
        }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Single((await Client.GetContestAsync(new GetContestRequest { ContestId = contest.ContestId })).Scores);
    }

    [Fact]
    public async Task Scores_above_the_maximum_twice_listed_or_from_another_window_are_refused()
    {
        var a = await _host.RegisterAsync();
        var other = await _host.RegisterAsync(WindowType.ElderlyCare);
        var contest = await CreateAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordContestScoresAsync(new RecordContestScoresRequest
        {
            ContestId = contest.ContestId, Scores = { Score(a, 101), Score(a, 50) },
        }).ResponseAsync);
        Assert.Equal(["scores[0].score", "scores[1].staff_id"], error.Fields());

        error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordContestScoresAsync(new RecordContestScoresRequest
        {
            ContestId = contest.ContestId, Scores = { Score(other, 50) },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);

        var open = await CreateAsync(WindowType.Unspecified);
        var scored = await Client.RecordContestScoresAsync(new RecordContestScoresRequest { ContestId = open.ContestId, Scores = { Score(other, 50), Score(a, 60) } });
        Assert.Equal(2, scored.Scores.Count);
    }

    [Fact]
    public async Task A_contest_needs_a_title_a_day_and_a_positive_maximum()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateContestAsync(new CreateContestRequest { HeldOn = "tomorrow", MaxScore = -1 }).ResponseAsync);
        Assert.Equal(["title", "held_on", "max_score"], error.Fields());
        error = await Assert.ThrowsAsync<RpcException>(() => Client.GetContestAsync(new GetContestRequest { ContestId = "none" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_retried_score_batch_is_recorded_once()
    {
        var a = await _host.RegisterAsync();
        var contest = await CreateAsync();
        var request = new RecordContestScoresRequest { ContestId = contest.ContestId, Scores = { Score(a, 80) }, IdempotencyKey = "batch-1" };
        await Client.RecordContestScoresAsync(request);
        var again = await Client.RecordContestScoresAsync(request);
        Assert.Single(again.Scores);
    }
}
