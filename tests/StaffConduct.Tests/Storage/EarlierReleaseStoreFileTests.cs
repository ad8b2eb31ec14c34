using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.V1;
using CivilAffairs.StaffConduct.Tests.Api;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>
/// The service started on a copy of a store file that the release before the document store wrote
/// (Fixtures/README.md says what it holds): every record is read back through the API, history included, and the
/// natural keys of that release still hold.
/// </summary>
public sealed class EarlierReleaseStoreFileTests : IDisposable
{
    private const string Zhang = "e0908581373846b3b1e0b7d9396c83a0"; // F-0001, marriage, office-1
    private const string Li = "d9b6274b80874e668f003bcbd7dd7374";    // F-0002, marriage, office-2
    private const string Wang = "e69d99f7c6814af9857331daa4eb3d7b";  // F-0003, elderly care

    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public EarlierReleaseStoreFileTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "staff-conduct-release-2026-11.db"), _host.StorePath);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Staff_history_duty_days_commitments_and_designations_are_all_there()
    {
        var zhang = await Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = Zhang });
        Assert.Equal(("张晓明", "F-0001", "首席登记员", 3), (zhang.Name, zhang.BadgeNumber, zhang.Post, zhang.Version));
        Assert.Equal(["受理登记", "一次性告知"], zhang.Duties);
        var history = await Client.ListStaffHistoryAsync(new ListStaffHistoryRequest { StaffId = Zhang });
        Assert.Equal(["婚姻登记员", "窗口负责人", "首席登记员"], history.Entries.Select(e => e.Profile.Post));
        Assert.Equal(["registered", "晋升", "岗位调整"], history.Entries.Select(e => e.Reason));
        Assert.Equal(WindowType.ElderlyCare, (await Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = Wang })).Window);

        var shown = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(["F-0001", "F-0002"], shown.Staff.Select(s => s.Staff.BadgeNumber));
        Assert.Equal([V1.CommitmentStatus.Overdue, V1.CommitmentStatus.Kept], shown.Staff[0].Commitments.Select(c => c.Status));
        Assert.Equal((V1.DutyStatus.OnDuty, V1.DutyStatus.OnLeave), (shown.Staff[0].DutyToday, shown.Staff[1].DutyToday));
        Assert.Empty(shown.Staff[0].Designations); // withdrawn
        Assert.Equal("先锋岗", Assert.Single(shown.Staff[1].Designations).GrantReason);
        Assert.Equal("群众满意度第一", Assert.Single(shown.Designations).GrantReason);

        var roster = await Client.ListDutyRosterAsync(new ListDutyRosterRequest { Window = WindowType.MarriageRegistration, Date = "2026-11-03" });
        Assert.Equal((V1.DutyStatus.Training, "业务培训"), (roster.Lines[0].Status, roster.Lines[0].Note));
        var overdue = await Client.ListOverdueCommitmentsAsync(new ListOverdueCommitmentsRequest());
        Assert.Equal([("十月底前整理完婚姻档案", 8)], overdue.Commitments.Select(c => (c.Commitment.Text, c.DaysOverdue)));
        var broken = (await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.ElderlyCare })).Staff.Single().Commitments.Single();
        Assert.Equal((V1.CommitmentStatus.Broken, "群众投诉"), (broken.Status, broken.Evidence));

        var designations = await Client.ListDesignationsAsync(new ListDesignationsRequest { Window = WindowType.MarriageRegistration, IncludeWithdrawn = true });
        Assert.Equal(3, designations.Designations.Count);
        Assert.Equal("调岗", designations.Designations.Single(d => !d.InForce).WithdrawalReason);
    }

    [Fact]
    public async Task The_conduct_code_inspections_ratings_contests_and_cases_are_all_there()
    {
        var code = await Client.ListConductRulesAsync(new ListConductRulesRequest { IncludeInactive = true });
        Assert.Equal(13, code.Rules.Count);
        Assert.Equal(("按时到岗，离岗放置暂停服务牌", 2), code.Rules.Where(r => r.RuleId == "W-01").Select(r => (r.Text, r.Version)).Single());
        Assert.False(code.Rules.Single(r => r.RuleId == "A-02").Active);
        Assert.Equal(12, (await Client.ListConductRulesAsync(new ListConductRulesRequest())).Rules.Count);

        var record = await Client.GetConductRecordAsync(new GetConductRecordRequest { StaffId = Zhang });
        Assert.Equal(["W-01", "T-01"], record.Inspections.Select(i => i.RuleId));
        Assert.Equal("按时到岗，离岗放置暂停服务牌", record.Inspections[0].RuleText);
        Assert.Equal(["rt-bad-1", "rt-bad-2"], record.ComplaintEntries.Select(c => c.RatingId));
        Assert.Equal(1, record.Complaints); // rt-bad-2 was voided on appeal
        Assert.Equal((CaseOutcome.Resolved, true), (record.ComplaintEntries[0].Closure.Outcome, record.ComplaintEntries[0].Closure.OnTime));
        Assert.True(record.ComplaintEntries[1].Voided);

        var contest = Assert.Single((await Client.ListStaffContestResultsAsync(new ListStaffContestResultsRequest { StaffId = Li })).Results);
        Assert.Equal(("婚姻登记业务知识竞赛", 88.5, 2, 2), (contest.Title, contest.Score, contest.Rank, contest.Participants));

        var ranking = await Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = "2026-11" });
        var zhang = ranking.Lines.Single(l => l.Staff.StaffId == Zhang).Figures;
        Assert.Equal((15, 1, 1, 1), (zhang.CasesHandled, zhang.Commendations, zhang.Violations, zhang.Contests));
        Assert.Equal(7, ranking.Lines.Single(l => l.Staff.StaffId == Li).Figures.CasesHandled);
    }

    [Fact]
    public async Task The_catalogue_keeps_its_versions_and_case_times_and_is_not_seeded_over()
    {
        var versions = await Client.ListServiceItemVersionsAsync(new ListServiceItemVersionsRequest { ItemId = "MR-01" });
        Assert.Equal([("初始目录", 1), ("登记科", 2)], versions.Versions.Select(v => (v.PublishedBy, v.Version)));
        var today = await Client.GetServiceItemAsync(new GetServiceItemRequest { ItemId = "MR-01" });
        Assert.Equal(("结婚登记（全国通办）", 2, 1), (today.Content.Name, today.ThisMonth.Cases, today.ThisMonth.WithinPromise));
        Assert.Equal("结婚登记", (await Client.GetServiceItemAsync(new GetServiceItemRequest { ItemId = "MR-01", OnDate = "2026-10-25" })).Content.Name);

        var elderly = await Client.ListServiceItemsAsync(new ListServiceItemsRequest { Window = WindowType.ElderlyCare });
        Assert.Equal(["EC-01", "EC-02", "EC-03"], elderly.Items.Select(i => i.ItemId));
        Assert.Equal(["MR-01"], (await Client.SearchServiceItemsAsync(new SearchServiceItemsRequest { Keyword = "全国通办" })).Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task What_that_release_received_is_still_received_once_and_its_badges_are_still_taken()
    {
        var rating = new RecordRatingRequest
        {
            StaffId = Zhang, Window = WindowType.MarriageRegistration, Level = RatingLevel.VeryDissatisfied, RatingId = "rt-bad-1",
            RatedOn = "2026-11-01", RectificationCaseId = "rc-1",
        };
        var again = await Client.RecordRatingAsync(rating);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), again.RecordedAt.ToDateTimeOffset());
        rating.Level = RatingLevel.Dissatisfied;
        var other = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRatingAsync(rating).ResponseAsync);
        Assert.Equal(["rating_id"], other.Fields());

        var cases = await Client.ReportCasesHandledAsync(new ReportCasesHandledRequest
        {
            StaffId = Zhang, Month = "2026-11", Count = 12, Source = "marriage", EventId = "evt-cases-1",
        });
        Assert.Equal(15, cases.MonthTotal);
        var time = await Client.ReportServiceTimeAsync(new ReportServiceTimeRequest { ItemId = "MR-01", EventId = "evt-time-2", CompletedOn = "2026-11-02", Elapsed = 45 });
        Assert.False(time.WithinPromise);
        Assert.Equal(2, (await Client.GetServiceItemAsync(new GetServiceItemRequest { ItemId = "MR-01" })).ThisMonth.Cases);

        var taken = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterStaffMemberAsync(StaffHost.Member(badge: "F-0002")).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
    }

    [Fact]
    public async Task The_file_is_carried_over_once_so_a_restart_keeps_what_was_changed_since()
    {
        using var directory = new TempDirectory();
        var path = directory.File("staff-conduct.db");
        File.Copy(_host.StorePath, path);
        using (var first = new StaffHost())
        {
            first.With("Storage:Sqlite:Path", path);
            await first.Client.SaveConductRuleAsync(new SaveConductRuleRequest
            {
                RuleId = "W-01", Part = V1.ConductPart.WorkOrder, Text = "第三版", Active = true, ExpectedVersion = 2,
            });
        }
        using var restarted = new StaffHost();
        restarted.With("Storage:Sqlite:Path", path);
        var rule = (await restarted.Client.ListConductRulesAsync(new ListConductRulesRequest())).Rules.Single(r => r.RuleId == "W-01");
        Assert.Equal(("第三版", 3), (rule.Text, rule.Version));
    }
}
