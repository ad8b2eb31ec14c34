using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// Numbers taken from a caller (issue 17): an ID number born after today is refused, and a figure no household can
/// have (any int64 or int32 extreme) is INVALID_ARGUMENT naming the field, never a server error, and changes nothing.
/// </summary>
public sealed class CallerNumbersTests : FreshHostTests
{
    private static readonly string BornTomorrow = IdNumbers.Make(new DateOnly(2026, 11, 3), CivilAffairs.SharedKernel.Sex.Male);

    [Fact]
    public async Task A_number_born_after_today_is_refused_at_registration_and_when_a_member_joins()
    {
        var future = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RegisterHouseholdAsync(AssistanceHost.Household(
            AssistanceHost.Member("王建国", IdNumbers.Man(50), Relation.Head),
            AssistanceHost.Member("王小宝", IdNumbers.Make(new DateOnly(2027, 1, 11), CivilAffairs.SharedKernel.Sex.Male), Relation.Child))).ResponseAsync);
        Assert.Equal(["members[1].id_number"], future.Fields());
        Assert.Contains("birth date in the future", future.Status.Detail);

        var household = await Host.RegisterAsync();
        var change = new ReportHouseholdChangeRequest { HouseholdId = household.HouseholdId, Note = "添丁" };
        change.MonthlyIncomesFen.AddRange([60_000, 0]);
        change.MembersJoining.Add(AssistanceHost.Member("王小宝", BornTomorrow, Relation.Child));
        var joining = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.ReportHouseholdChangeAsync(change).ResponseAsync);
        Assert.Equal(["members_joining[0].id_number"], joining.Fields());
        Assert.Equal(2, (await Host.Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId })).Members.Count);
    }

    [Fact]
    public async Task Someone_born_in_2099_never_reaches_extreme_poverty_support_as_a_child()
    {
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RegisterHouseholdAsync(AssistanceHost.Household(
            AssistanceHost.Member("未来", IdNumbers.Make(new DateOnly(2099, 1, 1), CivilAffairs.SharedKernel.Sex.Female), Relation.Head))).ResponseAsync);

        Assert.Equal(["members[0].id_number"], error.Fields());
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(CivilAffairs.SocialAssistance.Domain.Money.MaxFen + 1)]
    public async Task A_household_with_an_impossible_income_or_assets_is_refused_naming_the_field(long fen)
    {
        var income = AssistanceHost.Household(AssistanceHost.Member("王建国", IdNumbers.Man(50), Relation.Head, fen));
        Assert.Equal(["members[0].monthly_income_fen"], (await RpcAssert.Fails(StatusCode.InvalidArgument,
            () => Host.Client.RegisterHouseholdAsync(income).ResponseAsync)).Fields());
        var assets = AssistanceHost.Couple();
        assets.FinancialAssetsFen = fen;
        Assert.Equal(["financial_assets_fen"], (await RpcAssert.Fails(StatusCode.InvalidArgument,
            () => Host.Client.RegisterHouseholdAsync(assets).ResponseAsync)).Fields());
    }

    [Fact]
    public async Task Every_amount_and_count_a_step_takes_is_bounded()
    {
        var household = await Host.RegisterAsync();
        var change = new ReportHouseholdChangeRequest { HouseholdId = household.HouseholdId, Note = "收入变化", FinancialAssetsFen = long.MaxValue };
        change.MonthlyIncomesFen.AddRange([long.MaxValue, long.MaxValue]);
        Assert.Equal(["monthly_incomes_fen[0]", "monthly_incomes_fen[1]", "financial_assets_fen"],
            (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.ReportHouseholdChangeAsync(change).ResponseAsync)).Fields());

        var application = await Host.ApplyAsync(household.HouseholdId);
        await Steps.InvestigatingAsync(application.ApplicationId);
        var investigation = new RecordInvestigationRequest
        {
            ApplicationId = application.ApplicationId, StaffId = StaffConductServer.Caseworker, VisitedOn = "2026-11-02", VisitNotes = "入户",
            VerifiedFinancialAssetsFen = long.MinValue,
        };
        investigation.VerifiedMonthlyIncomesFen.AddRange([long.MaxValue, 0]);
        Assert.Equal(["verified_monthly_incomes_fen[0]", "verified_financial_assets_fen"],
            (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RecordInvestigationAsync(investigation).ResponseAsync)).Fields());

        var review = new RecordCommunityReviewRequest
        {
            ApplicationId = application.ApplicationId, StaffId = StaffConductServer.Caseworker, HeldOn = "2026-11-02",
            Attendees = int.MaxValue, VotesFor = int.MaxValue, VotesAgainst = int.MaxValue, Abstentions = int.MaxValue,
        };
        Assert.Contains("attendees", (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RecordCommunityReviewAsync(review).ResponseAsync)).Fields());

        foreach (var fen in new[] { long.MaxValue, long.MinValue })
        {
            Assert.Equal(["amount_fen"], (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.ApplyTemporaryAssistanceAsync(
                new ApplyTemporaryAssistanceRequest { HouseholdId = household.HouseholdId, AmountFen = fen, Reason = "大病", StaffId = StaffConductServer.Clerk }).ResponseAsync)).Fields());
            Assert.Equal(["amount_fen"], (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.GrantEmergencyAssistanceAsync(
                new GrantEmergencyAssistanceRequest { HouseholdId = household.HouseholdId, AmountFen = fen, Reason = "火灾", StaffId = StaffConductServer.Clerk }).ResponseAsync)).Fields());
            var extreme = new ApplyExtremePovertyRequest
            {
                HouseholdId = household.HouseholdId, MemberIndex = 0, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk, FinancialAssetsFen = fen,
                Incomes = { new IncomeItem { Kind = IncomeKind.Wages, MonthlyFen = fen } },
            };
            Assert.Equal(["incomes[0].monthly_fen", "financial_assets_fen"],
                (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.ApplyExtremePovertyAsync(extreme).ResponseAsync)).Fields());
        }
        var outside = new ApplyExtremePovertyRequest { HouseholdId = household.HouseholdId, MemberIndex = int.MinValue, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk };
        Assert.Equal(["member_index"], (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.ApplyExtremePovertyAsync(outside).ResponseAsync)).Fields());
        Assert.Empty(await Steps.LedgerAsync(household.HouseholdId));
    }

    [Fact]
    public async Task Over_rest_an_income_of_two_to_the_sixty_third_minus_one_is_a_400_naming_the_field()
    {
        var http = Host.CreateClient();
        var body = $$"""
            {"countyCode":"110105","address":"朝阳区幸福路 8 号","members":[{"name":"王建国","idNumber":"{{IdNumbers.Man(50)}}","relation":"HEAD","monthlyIncomeFen":"9223372036854775807"}]}
            """;

        var response = await http.PostAsync("/api/assistance/v1/households", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("members[0].monthly_income_fen", await response.Content.ReadAsStringAsync());
    }
}
