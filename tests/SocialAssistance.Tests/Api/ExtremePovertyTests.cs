using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Extreme-poverty support as the 特困人员认定办法 sets it: criteria, yearly review, suspension and stop (issue 17).</summary>
public sealed class ExtremePovertyTests : FreshHostTests
{
    private async Task<V1.SupportCase> SupportedAsync(MemberInput person, params IncomeItem[] incomes)
    {
        var household = await Host.RegisterAsync(AssistanceHost.Household(person));
        var request = new ApplyExtremePovertyRequest { HouseholdId = household.HouseholdId, MemberIndex = 0, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk };
        request.Incomes.AddRange(incomes);
        return await Host.Client.ApplyExtremePovertyAsync(request);
    }

    [Fact]
    public Task A_seventy_year_old_with_a_small_pension_is_eligible_and_stopped_after_a_recorded_death() =>
        DoneWhenScenarios.ElderlyWithSmallPensionStoppedAfterDeathAsync(Host, Steps);

    [Fact]
    public async Task The_residents_basic_pension_is_not_counted_and_a_listed_disability_grade_counts_as_without_work_capacity()
    {
        var pensioner = await SupportedAsync(new MemberInput { Name = "钱老汉", IdNumber = IdNumbers.Man(75, on: Host.Today), Relation = Relation.Head },
            new IncomeItem { Kind = IncomeKind.ResidentsBasicPension, MonthlyFen = 200_000 });
        Assert.Equal((0L, 200_000L), (pensioner.Eligibility.MonthlyIncomeFen, pensioner.Eligibility.ExcludedIncomeFen));

        var disabled = await SupportedAsync(new MemberInput
        {
            Name = "孙明", IdNumber = IdNumbers.Man(35, on: Host.Today), Relation = Relation.Head, DisabilityKind = DisabilityKind.Intellectual, DisabilityGrade = 2,
        });
        Assert.True(disabled.Eligibility.ListedDisability);

        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => SupportedAsync(new MemberInput
        {
            Name = "李强", IdNumber = IdNumbers.Man(35, on: Host.Today), Relation = Relation.Head, DisabilityKind = DisabilityKind.Physical, DisabilityGrade = 3,
        }));
        Assert.Equal("not-extreme-poverty", refused.Rule());
        var badGrade = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RegisterHouseholdAsync(AssistanceHost.Household(new MemberInput
        {
            Name = "李强", IdNumber = IdNumbers.Man(35), Relation = Relation.Head, DisabilityKind = DisabilityKind.Physical, DisabilityGrade = 9,
        })).ResponseAsync);
        Assert.Equal(["members[0].disability_grade"], badGrade.Fields());
    }

    [Fact]
    public async Task Support_is_reviewed_yearly_and_a_suspension_with_reasons_stops_payment_from_the_next_month()
    {
        var supported = await SupportedAsync(new MemberInput { Name = "周奶奶", IdNumber = IdNumbers.Woman(80, on: Host.Today), Relation = Relation.Head });
        Host.SetToday(new DateOnly(2027, 11, 2));
        var due = Assert.Single((await Host.Client.ListDueSupportReviewsAsync(new ListDueSupportReviewsRequest())).Cases);
        Assert.Equal((supported.CaseId, true), (due.CaseId, due.ReviewDue));

        var reviewed = await Host.Client.ReviewExtremePovertyAsync(new ReviewExtremePovertyRequest
        {
            CaseId = supported.CaseId, StaffId = StaffConductServer.Caseworker, Notes = "年度复核: 情况无变化",
        });
        Assert.Equal(("2028-11-02", "2027-11-02"), (reviewed.NextReviewDue, reviewed.LastReviewedOn));
        Assert.Empty((await Host.Client.ListDueSupportReviewsAsync(new ListDueSupportReviewsRequest())).Cases);

        var income = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ReviewExtremePovertyAsync(new ReviewExtremePovertyRequest
        {
            CaseId = supported.CaseId, StaffId = StaffConductServer.Caseworker, Notes = "子女返乡, 收入高于标准",
            Incomes = { new IncomeItem { Kind = IncomeKind.SupportFromRelatives, MonthlyFen = 300_000 } },
        }).ResponseAsync);
        Assert.Equal("no-longer-extreme-poverty", income.Rule());

        var suspend = new EndExtremePovertyRequest
        {
            CaseId = supported.CaseId, StaffId = StaffConductServer.Caseworker, Ground = SupportEndGround.Unspecified, OccurredOn = "2027-11-01",
            Reasons = "外出随子女居住, 待核实是否迁出",
        };
        Assert.Equal(["ground"], (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.SuspendExtremePovertyAsync(suspend).ResponseAsync)).Fields());
        suspend.Ground = SupportEndGround.MovedAway;
        var suspended = await Host.Client.SuspendExtremePovertyAsync(suspend);
        Assert.Equal((SupportStatus.SupportSuspended, "2027-11"), (suspended.Status, suspended.PaidThroughMonth));

        await Steps.PayAsync(new DateOnly(2027, 11, 10));
        await Steps.PayAsync(new DateOnly(2027, 12, 10));
        Assert.Equal(["2027-11"], (await Steps.LedgerAsync(supported.HouseholdId)).Select(p => p.Month));
        var resumed = await Host.Client.ResumeExtremePovertyAsync(new ResumeExtremePovertyRequest
        {
            CaseId = supported.CaseId, StaffId = StaffConductServer.Caseworker, Reasons = "核实未迁出, 恢复供养",
        });
        Assert.Equal(SupportStatus.SupportActive, resumed.Status);
        await Steps.PayAsync(new DateOnly(2028, 1, 10));
        Assert.Equal(["2027-11", "2028-01"], (await Steps.LedgerAsync(supported.HouseholdId)).Select(p => p.Month));
    }
}
