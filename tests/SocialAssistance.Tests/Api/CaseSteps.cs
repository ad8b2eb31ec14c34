using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>The dibao process driven over gRPC, step by step, as the window's staff would.</summary>
public sealed class CaseSteps(AssistanceHost host)
{
    private V1.SocialAssistance.SocialAssistanceClient Client => host.Client;

    public async Task<(V1.Household Household, V1.DibaoApplication Application)> SubmittedAsync(RegisterHouseholdRequest? request = null)
    {
        var household = await host.RegisterAsync(request);
        return (household, await host.ApplyAsync(household.HouseholdId));
    }

    public async Task<V1.DibaoApplication> AcceptedAsync(string applicationId) =>
        await Client.AcceptApplicationAsync(new AcceptApplicationRequest { ApplicationId = applicationId, StaffId = StaffConductServer.Clerk });

    public async Task<V1.DibaoApplication> InvestigatingAsync(string applicationId)
    {
        await AcceptedAsync(applicationId);
        return await Client.AssignCaseworkerAsync(new AssignCaseworkerRequest { ApplicationId = applicationId, StaffId = StaffConductServer.Caseworker });
    }

    public async Task<V1.DibaoApplication> InvestigatedAsync(string applicationId, params long[] verifiedIncomes)
    {
        await InvestigatingAsync(applicationId);
        var request = new RecordInvestigationRequest
        {
            ApplicationId = applicationId, StaffId = StaffConductServer.Caseworker, VisitedOn = Dates.Format(host.Today),
            VisitNotes = "两间平房, 无车辆, 户主腿伤在家",
        };
        request.VerifiedMonthlyIncomesFen.AddRange(verifiedIncomes);
        return await Client.RecordInvestigationAsync(request);
    }

    public async Task<V1.DibaoApplication> PostedAsync(string applicationId, params long[] verifiedIncomes)
    {
        await InvestigatedAsync(applicationId, verifiedIncomes);
        return await Client.RecordCommunityReviewAsync(new RecordCommunityReviewRequest
        {
            ApplicationId = applicationId, StaffId = StaffConductServer.Caseworker, HeldOn = Dates.Format(host.Today),
            Attendees = 9, VotesFor = 7, VotesAgainst = 1, Abstentions = 1,
        });
    }

    public async Task<V1.DibaoApplication> ConfirmAsync(string applicationId) =>
        await Client.ConfirmApplicationAsync(new ConfirmApplicationRequest { ApplicationId = applicationId, StaffId = StaffConductServer.Approver });

    /// <summary>A couple (incomes 500 and 0 yuan) confirmed on Monday 9 November 2026: an active dibao case.</summary>
    public async Task<(V1.Household Household, V1.DibaoApplication Case)> ActiveCaseAsync()
    {
        var (household, submitted) = await SubmittedAsync(AssistanceHost.Couple(50_000, 0));
        await PostedAsync(submitted.ApplicationId, 50_000, 0);
        host.SetToday(new DateOnly(2026, 11, 9));
        return (household, await ConfirmAsync(submitted.ApplicationId));
    }

    /// <summary>The monthly payment run of the day's month, run on that day.</summary>
    public async Task<V1.PaymentRun> PayAsync(DateOnly day)
    {
        host.SetToday(day);
        return await Client.RunMonthlyPaymentsAsync(new RunMonthlyPaymentsRequest { Month = $"{day:yyyy-MM}" });
    }

    public async Task<IReadOnlyList<PaymentEntry>> LedgerAsync(string householdId) =>
        (await Client.ListHouseholdPaymentsAsync(new ListHouseholdPaymentsRequest { HouseholdId = householdId })).Payments;

    public async Task<V1.SupportCase> EmergencyAsync(string householdId, long amountFen = 100_000) =>
        await Client.GrantEmergencyAssistanceAsync(new GrantEmergencyAssistanceRequest
        {
            HouseholdId = householdId, AmountFen = amountFen, Reason = "房屋失火, 基本生活陷入困境", StaffId = StaffConductServer.Clerk,
        });
}
