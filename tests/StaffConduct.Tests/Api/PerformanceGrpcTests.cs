using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>
/// A month of one window: staff, commitments kept, broken and overdue, an inspection, a contest, cases from marriage,
/// ratings from the feedback service, then the ranking and the titles with the figures behind them.
/// </summary>
public class PerformanceGrpcTests : IAsyncLifetime
{
    private readonly bool _throughGateway;
    private FakeFeedbackServer _feedback = null!;
    private StaffHost _host = null!;
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public PerformanceGrpcTests() : this(throughGateway: false) { }

    protected PerformanceGrpcTests(bool throughGateway) => _throughGateway = throughGateway;

    protected StaffHost Host => _host;

    public async Task InitializeAsync()
    {
        _feedback = await FakeFeedbackServer.StartAsync();
        _host = new StaffHost();
        _host.With("Services:feedback:Grpc", _feedback.Address);
        if (_throughGateway) _host.PutBehindGateway();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _feedback.DisposeAsync();
    }

    private async Task<V1.StaffMember> RegisterAsync(string name, string post, WindowType window = WindowType.MarriageRegistration)
    {
        var request = StaffHost.Member(window, name: name);
        request.Post = post;
        return await Client.RegisterStaffMemberAsync(request);
    }

    private Task ReportCasesAsync(V1.StaffMember member, int count, string eventId) =>
        Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-11", Count = count, Source = "marriage", EventId = eventId,
        }).ResponseAsync;

    private async Task<(V1.StaffMember A, V1.StaffMember B, V1.StaffMember C)> RunTheMonthAsync()
    {
        var a = await RegisterAsync("张晓明", "婚姻登记员");
        var b = await RegisterAsync("李华", "婚姻登记员");
        var c = await RegisterAsync("王芳", "颁证员");

        // Commitments: A keeps one; B breaks one and lets another pass its deadline; C has none due this month.
        var keptOne = await Client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = a.StaffId, Text = "十分钟办结", Deadline = "2026-11-05" });
        var brokenOne = await Client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = b.StaffId, Text = "零差错", Deadline = "2026-11-05" });
        await Client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = b.StaffId, Text = "一次告知", Deadline = "2026-11-06" });
        await Client.ResolveCommitmentAsync(new ResolveCommitmentRequest
        {
            CommitmentId = keptOne.CommitmentId, Outcome = CommitmentOutcomeKind.CommitmentKept, Evidence = "台账", RecordedBy = "督查组",
        });
        await Client.ResolveCommitmentAsync(new ResolveCommitmentRequest
        {
            CommitmentId = brokenOne.CommitmentId, Outcome = CommitmentOutcomeKind.CommitmentBroken, Evidence = "投诉单 2026-031", RecordedBy = "督查组",
        });

        _host.Clock.Advance(TimeSpan.FromDays(8)); // 2026-11-10
        await Client.RecordInspectionAsync(new RecordInspectionRequest
        {
            StaffId = a.StaffId, RuleId = "T-01", Kind = InspectionKind.Commendation, Inspector = "行风评议员", Evidence = "群众来信表扬", ObservedOn = "2026-11-09",
        });
        await Client.RecordInspectionAsync(new RecordInspectionRequest
        {
            StaffId = b.StaffId, RuleId = "W-01", Kind = InspectionKind.Violation, Inspector = "行风评议员", Evidence = "迟到20分钟", ObservedOn = "2026-11-10",
        });

        var contest = await Client.CreateContestAsync(new CreateContestRequest
        {
            Title = "婚姻登记业务技能比武", Window = WindowType.MarriageRegistration, HeldOn = "2026-11-10", MaxScore = 100,
        });
        await Client.RecordContestScoresAsync(new RecordContestScoresRequest
        {
            ContestId = contest.ContestId,
            Scores = { new V1.ContestScore { StaffId = a.StaffId, Score = 95 }, new V1.ContestScore { StaffId = b.StaffId, Score = 80 },
                       new V1.ContestScore { StaffId = c.StaffId, Score = 85 } },
        });

        await ReportCasesAsync(a, 120, "mar-evt-1");
        await ReportCasesAsync(b, 100, "mar-evt-2");
        await ReportCasesAsync(c, 60, "mar-evt-3");
        await ReportCasesAsync(c, 50, "mar-evt-4");
        await ReportCasesAsync(c, 50, "mar-evt-4"); // the marriage outbox delivered the same event twice

        _feedback.Feedback.Staff[a.StaffId] = (50, 0.98);
        _feedback.Feedback.Staff[b.StaffId] = (40, 0.90);
        _feedback.Feedback.Staff[c.StaffId] = (30, 0.90);
        _host.Clock.Advance(TimeSpan.FromDays(10)); // 2026-11-20
        return (a, b, c);
    }

    [Fact]
    public async Task The_month_is_ranked_with_the_figures_behind_each_score_and_the_titles_are_awarded()
    {
        var (a, b, c) = await RunTheMonthAsync();
        var ranking = await Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = "2026-11" });

        Assert.True(ranking.Complete);
        Assert.Empty(ranking.MissingFigures);
        Assert.Equal([(a.StaffId, 1, 98.15), (c.StaffId, 2, 90.0), (b.StaffId, 3, 71.25)],
            ranking.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)));

        var lineB = ranking.Lines[2];
        Assert.Equal((100, 40, 0.90), (lineB.Figures.CasesHandled, lineB.Figures.Ratings, lineB.Figures.SatisfactionRate));
        Assert.Equal((2, 0, 1, 1), (lineB.Figures.CommitmentsDue, lineB.Figures.CommitmentsKept, lineB.Figures.CommitmentsBroken, lineB.Figures.CommitmentsOverdue));
        Assert.Equal((0, 1, 1, 80.0), (lineB.Figures.Commendations, lineB.Figures.Violations, lineB.Figures.Contests, lineB.Figures.ContestScorePercent));

        // C had no commitment due: that component is left out and the other weights rescaled.
        var lineC = ranking.Lines[1];
        Assert.Equal(110, lineC.Figures.CasesHandled);
        Assert.False(lineC.Components.Single(x => x.Component == "commitments").Available);

        var model = Assert.Single(ranking.Titles, t => t.Title == MonthlyTitle.ServiceModel);
        Assert.Equal((a.StaffId, "张晓明", 98.15), (model.StaffId, model.StaffName, model.Score));
        Assert.Equal(120, model.Figures.CasesHandled);
        var star = Assert.Single(ranking.Titles, t => t.Title == MonthlyTitle.PostStar);
        Assert.Equal((c.StaffId, "颁证员"), (star.StaffId, star.Post));
        Assert.Contains(ranking.TitlesWithheld, w => w.Contains("婚姻登记员"));
        Assert.Equal([MonthlyTitle.ServiceModel], ranking.Lines[0].Titles);
        Assert.Contains("cases 0.3", ranking.Weighting);

        Assert.All(_feedback.Feedback.Asked, q => Assert.Equal(("2026-11-01", "2026-11-30"), (q.FromDate, q.ToDate)));
    }

    [Fact]
    public async Task When_the_feedback_service_does_not_answer_the_ranking_names_the_missing_figures_and_awards_no_title()
    {
        var (a, _, _) = await RunTheMonthAsync();
        await _feedback.StopAsync();

        var ranking = await Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = "2026-11" });

        Assert.False(ranking.Complete);
        Assert.Equal(3, ranking.MissingFigures.Count(m => m.Contains("satisfaction: the feedback service did not answer")));
        Assert.Contains(ranking.MissingFigures, m => m.Contains("appraisal: the feedback service did not answer"));
        Assert.All(ranking.Lines, l =>
        {
            Assert.Contains(l.MissingFigures, m => m.StartsWith("satisfaction: the feedback service did not answer"));
            Assert.False(l.Components.Single(x => x.Component == "satisfaction").Available);
            Assert.Equal(0, l.Figures.Ratings);
        });
        Assert.Empty(ranking.Titles);
        Assert.Contains(ranking.TitlesWithheld, w => w.Contains("satisfaction or appraisal figures are missing"));
        // The other figures are still there.
        Assert.Equal(120, ranking.Lines.Single(l => l.Staff.StaffId == a.StaffId).Figures.CasesHandled);
    }

    [Fact]
    public async Task A_staff_member_is_not_ranked_in_a_window_they_do_not_serve()
    {
        var elsewhere = await RegisterAsync("赵六", "救助专干", WindowType.SocialAssistance);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", StaffId = elsewhere.StaffId,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("SOCIAL_ASSISTANCE", error.Status.Detail);

        var own = await Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest
        {
            Window = WindowType.SocialAssistance, Month = "2026-11", StaffId = elsewhere.StaffId,
        });
        Assert.Equal(elsewhere.StaffId, Assert.Single(own.Lines).Staff.StaffId);
    }

    [Fact]
    public async Task Cases_are_counted_once_per_event_and_only_for_the_window_the_staff_member_serves()
    {
        var member = await RegisterAsync("张晓明", "婚姻登记员");
        var first = await Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-11", Count = 7, Source = "marriage", EventId = "e-1",
        });
        var again = await Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-11", Count = 7, Source = "marriage", EventId = "e-1",
        });
        Assert.Equal((7, 7), (first.MonthTotal, again.MonthTotal));

        var changed = await Assert.ThrowsAsync<RpcException>(() => Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-11", Count = 8, Source = "marriage", EventId = "e-1",
        }).ResponseAsync);
        Assert.Equal(["event_id"], changed.Fields());

        var wrongWindow = await Assert.ThrowsAsync<RpcException>(() => Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-11", Count = 3, Source = "social-assistance", EventId = "sa-1",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, wrongWindow.StatusCode);

        var bad = await Assert.ThrowsAsync<RpcException>(() => Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = member.StaffId, Month = "2026-12", Count = 0, Source = "hotline",
        }).ResponseAsync);
        Assert.Equal(["event_id", "count", "month", "window"], bad.Fields());
    }

    private Task<V1.MonthlyRanking> RankingAsync(int version = 0) => Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest
    {
        Window = WindowType.MarriageRegistration, Month = "2026-11", Version = version,
    }).ResponseAsync;

    private static string RuleOf(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<Google.Rpc.PreconditionFailure>()?.Violations.Single().Type ?? $"({error.StatusCode})";

    [Fact]
    public async Task A_closed_month_is_unchanged_by_a_later_rating_and_a_correction_is_published_as_version_2_with_its_reason()
    {
        var (a, b, c) = await RunTheMonthAsync();
        var early = await Assert.ThrowsAsync<RpcException>(() => Client.CloseMonthAsync(new CloseMonthRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", ClosedBy = "绩效考核办",
        }).ResponseAsync);
        Assert.Equal("month-not-ended", RuleOf(early));
        var notClosed = await Assert.ThrowsAsync<RpcException>(() => Client.CorrectMonthlyRankingAsync(new CorrectMonthlyRankingRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", Reason = "补录", CorrectedBy = "绩效考核办",
        }).ResponseAsync);
        Assert.Equal("month-not-closed", RuleOf(notClosed));

        _host.Clock.Advance(TimeSpan.FromDays(11)); // 2026-12-01
        var closed = await Client.CloseMonthAsync(new CloseMonthRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", ClosedBy = "绩效考核办",
        });
        Assert.Equal((true, 1, 1, "month closed", "绩效考核办"), (closed.Closed, closed.Version, closed.LatestVersion, closed.VersionReason, closed.PublishedBy));
        Assert.Equal([(a.StaffId, 1, 98.15), (c.StaffId, 2, 90.0), (b.StaffId, 3, 71.25)], closed.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)));

        // After closing: B's late ratings come in, and a late report of cases. The published month does not move.
        _feedback.Feedback.Staff[b.StaffId] = (60, 1.0);
        await ReportCasesAsync(b, 80, "mar-evt-late");
        var read = await RankingAsync();
        Assert.Equal(closed.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)), read.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)));
        Assert.Equal(closed.Titles.Select(t => (t.Title, t.StaffId)), read.Titles.Select(t => (t.Title, t.StaffId)));
        Assert.Equal((true, 1), (read.Closed, read.Version));
        var again = await Assert.ThrowsAsync<RpcException>(() => Client.CloseMonthAsync(new CloseMonthRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", ClosedBy = "绩效考核办",
        }).ResponseAsync);
        Assert.Equal("month-already-closed", RuleOf(again));

        // The correction publishes version 2 with its reason; version 1 stays readable.
        var noReason = await Assert.ThrowsAsync<RpcException>(() => Client.CorrectMonthlyRankingAsync(new CorrectMonthlyRankingRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", CorrectedBy = "绩效考核办",
        }).ResponseAsync);
        Assert.Equal(["reason"], noReason.Fields());
        var corrected = await Client.CorrectMonthlyRankingAsync(new CorrectMonthlyRankingRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-11", Reason = "婚姻登记系统迟报的80件补录", CorrectedBy = "绩效考核办",
        });
        Assert.Equal((2, 2, "婚姻登记系统迟报的80件补录"), (corrected.Version, corrected.LatestVersion, corrected.VersionReason));
        Assert.Equal(180, corrected.Lines.Single(l => l.Staff.StaffId == b.StaffId).Figures.CasesHandled);

        var latest = await RankingAsync();
        Assert.Equal((2, "婚姻登记系统迟报的80件补录"), (latest.Version, latest.VersionReason));
        Assert.Equal(corrected.Lines.Select(l => (l.Staff.StaffId, l.Score)), latest.Lines.Select(l => (l.Staff.StaffId, l.Score)));
        var first = await RankingAsync(version: 1);
        Assert.Equal((1, 2, "month closed"), (first.Version, first.LatestVersion, first.VersionReason));
        Assert.Equal(closed.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)), first.Lines.Select(l => (l.Staff.StaffId, l.Rank, l.Score)));
        Assert.Equal(100, first.Lines.Single(l => l.Staff.StaffId == b.StaffId).Figures.CasesHandled);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => RankingAsync(version: 3));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_appraisal_meetings_score_of_the_window_counts_with_its_weight_and_too_few_ratings_are_not_a_rate()
    {
        var (a, _, c) = await RunTheMonthAsync();
        _feedback.Feedback.Appraisals[WindowType.MarriageRegistration] = (2, 60);
        _feedback.Feedback.Staff[c.StaffId] = (1, 1.0); // one "very satisfied"

        var ranking = await RankingAsync();

        var lineA = ranking.Lines.Single(l => l.Staff.StaffId == a.StaffId);
        var appraisal = lineA.Components.Single(x => x.Component == "appraisal");
        Assert.Equal((true, 60.0, 0.1), (appraisal.Available, appraisal.Score, appraisal.Weight));
        Assert.Equal((2, 60.0), (lineA.Figures.AppraisalMeetings, lineA.Figures.AppraisalScore));
        Assert.NotEqual(98.15, lineA.Score); // the meetings' 60 pulls the 98.15 of the other components down
        Assert.Contains("appraisal 0.1", ranking.Weighting);
        // The meetings of the twelve months up to the ranked one.
        Assert.Contains(_feedback.Feedback.AskedStatistics, q => (q.FromDate, q.ToDate) == ("2025-12-01", "2026-11-30"));

        var lineC = ranking.Lines.Single(l => l.Staff.StaffId == c.StaffId);
        Assert.Equal((1, 0.0, false), (lineC.Figures.Ratings, lineC.Figures.SatisfactionRate, lineC.Figures.SatisfactionCounted));
        Assert.False(lineC.Components.Single(x => x.Component == "satisfaction").Available);
        Assert.Contains(lineC.Remarks, r => r.Contains("fewer than the 10"));
    }

    [Fact]
    public async Task Ranking_refuses_a_month_to_come_and_a_missing_window()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Month = "2026-12" }).ResponseAsync);
        Assert.Equal(["window", "month"], error.Fields());
    }
}
