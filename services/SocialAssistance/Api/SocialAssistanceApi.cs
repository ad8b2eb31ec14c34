using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>The gRPC (and transcoded REST) face of the service: translation only, the rules live in Domain.</summary>
public sealed class SocialAssistanceApi(HouseholdRegistry registry, DibaoIntake intake, DibaoProcess process, CaseLists lists,
    PaymentRuns payments, SupportDesk support, CaseCalendar calendar, StandardPublication publication, LocalStandards standards)
    : V1.SocialAssistance.SocialAssistanceBase
{
    public override async Task<V1.Household> RegisterHousehold(RegisterHouseholdRequest request, ServerCallContext context) =>
        (await registry.RegisterAsync(request.ToDomain())).ToContract();

    public override async Task<V1.Household> GetHousehold(GetHouseholdRequest request, ServerCallContext context) =>
        (await registry.GetAsync(request.HouseholdId)).ToContract();

    public override async Task<V1.Household> ReportHouseholdChange(ReportHouseholdChangeRequest request, ServerCallContext context) =>
        (await registry.ReportChangeAsync(request.HouseholdId, request.ToDomain())).ToContract();

    public override Task<V1.DibaoApplication> SubmitDibaoApplication(SubmitDibaoApplicationRequest request, ServerCallContext context) =>
        Case(intake.SubmitAsync(request.ToDomain()));

    public override Task<V1.DibaoApplication> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
        Case(intake.GetAsync(request.ApplicationId));

    public override Task<V1.DibaoApplication> AcceptApplication(AcceptApplicationRequest request, ServerCallContext context) =>
        Case(process.AcceptAsync(request.ApplicationId, request.StaffId));

    public override Task<V1.DibaoApplication> AssignCaseworker(AssignCaseworkerRequest request, ServerCallContext context) =>
        Case(process.AssignCaseworkerAsync(request.ApplicationId, request.StaffId));

    public override Task<V1.DibaoApplication> RecordInvestigation(RecordInvestigationRequest request, ServerCallContext context) =>
        Case(process.RecordInvestigationAsync(request.ApplicationId, request.StaffId,
            new Investigation(request.VisitedOn, request.VisitNotes, request.VerifiedMonthlyIncomesFen.ToList(), request.VerifiedFinancialAssetsFen)));

    public override Task<V1.DibaoApplication> RecordCommunityReview(RecordCommunityReviewRequest request, ServerCallContext context) =>
        Case(process.RecordCommunityReviewAsync(request.ApplicationId, request.StaffId, request.HeldOn, request.Attendees,
            request.VotesFor, request.VotesAgainst, request.Abstentions));

    public override async Task<LodgeObjectionResponse> LodgeObjection(LodgeObjectionRequest request, ServerCallContext context)
    {
        var application = await process.LodgeObjectionAsync(request.ApplicationId, request.Text);
        var objection = application.Posting!.Objections[^1];
        return new LodgeObjectionResponse { ObjectionId = objection.Id, LodgedOn = Dates.Format(objection.LodgedOn) };
    }

    public override Task<V1.DibaoApplication> ResolveObjection(ResolveObjectionRequest request, ServerCallContext context) =>
        Case(process.ResolveObjectionAsync(request.ApplicationId, request.ObjectionId, request.StaffId, request.Resolution,
            request.Upheld));

    public override Task<V1.DibaoApplication> ConfirmApplication(ConfirmApplicationRequest request, ServerCallContext context) =>
        Case(process.ConfirmAsync(request.ApplicationId, request.StaffId));

    public override Task<V1.DibaoApplication> RefuseApplication(RefuseApplicationRequest request, ServerCallContext context) =>
        Case(process.RefuseAsync(request.ApplicationId, request.StaffId, request.Reasons));

    public override Task<V1.DibaoApplication> RecordRefusalNotice(RecordRefusalNoticeRequest request, ServerCallContext context) =>
        Case(process.RecordRefusalNoticeAsync(request.ApplicationId, request.StaffId));

    public override Task<V1.DibaoApplication> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        Case(process.WithdrawAsync(request.ApplicationId, request.Reason));

    public override Task<V1.DibaoApplication> ExtendTimeLimit(ExtendTimeLimitRequest request, ServerCallContext context) =>
        Case(process.ExtendTimeLimitAsync(request.ApplicationId, request.StaffId, request.Reason));

    public override async Task<ListOverdueApplicationsResponse> ListOverdueApplications(ListOverdueApplicationsRequest request, ServerCallContext context)
    {
        var response = new ListOverdueApplicationsResponse { AsOf = Dates.Format(calendar.Today) };
        response.Applications.AddRange((await lists.OverdueAsync()).Select(o => new OverdueApplication
        {
            ApplicationId = o.Application.Id,
            HouseholdId = o.Application.HouseholdId,
            Status = (V1.ApplicationStatus)(int)o.Application.Status,
            DueOn = Dates.Format(o.DueOn),
            WorkingDaysOverdue = o.WorkingDaysOverdue,
            CaseworkerId = o.Application.CaseworkerId,
        }));
        return response;
    }

    public override async Task<ListPublicPostingsResponse> ListPublicPostings(ListPublicPostingsRequest request, ServerCallContext context)
    {
        var lines = await lists.PostingsAsync(request.CountyCode);
        var response = new ListPublicPostingsResponse { CountyCode = request.CountyCode.Trim() };
        response.Postings.AddRange(lines.Select(l => new PostingEntry
        {
            ApplicationId = l.CaseId,
            Head = ContractMapping.ToMaskedPerson(l.Head.Name, l.Head.IdNumber),
            MemberCount = l.MemberCount,
            MonthlyBenefitFen = l.MonthlyBenefitFen,
            StartsOn = Dates.Format(l.StartsOn),
            EndsOn = Dates.Format(l.EndsOn),
            Programme = (V1.Programme)(int)l.Programme,
            AmountFen = l.AmountFen,
        }));
        return response;
    }

    public override Task<V1.DibaoApplication> AdjustBenefit(AdjustBenefitRequest request, ServerCallContext context) =>
        Case(process.AdjustAsync(request.ApplicationId, request.StaffId, (Domain.AdjustmentAction)(int)request.Action, request.Reasons,
            request.HasMemberIndex ? request.MemberIndex : null, request.IncomeFromEmployment));

    public override Task<V1.DibaoApplication> RecordReview(RecordReviewRequest request, ServerCallContext context) =>
        Case(process.RecordReviewAsync(request.ApplicationId, request.StaffId, request.Notes, request.IncomeFromEmployment));

    public override async Task<ListDueReviewsResponse> ListDueReviews(ListDueReviewsRequest request, ServerCallContext context)
    {
        var response = new ListDueReviewsResponse { AsOf = Dates.Format(calendar.Today) };
        response.Reviews.AddRange((await process.DueReviewsAsync()).Select(a => new DueReview
        {
            ApplicationId = a.Id, HouseholdId = a.HouseholdId, ReviewCategory = (V1.ReviewCategory)(int)a.ReviewCategory,
            DueOn = ContractTranslation.Day(a.NextReviewDue), Status = (V1.ApplicationStatus)(int)a.Status,
        }));
        return response;
    }

    public override Task<V1.SupportCase> ApplyExtremePoverty(ApplyExtremePovertyRequest request, ServerCallContext context) =>
        Support(support.ApplyExtremePovertyAsync(request.HouseholdId, request.MemberIndex, (Domain.CareMode)(int)request.CareMode,
            request.HasAbleSupporter, request.StaffId, request.Incomes.ToDomain(), request.FinancialAssetsFen));

    public override Task<V1.SupportCase> ReviewExtremePoverty(ReviewExtremePovertyRequest request, ServerCallContext context) =>
        Support(support.ReviewExtremePovertyAsync(request.CaseId, request.StaffId, request.Notes, request.HasAbleSupporter,
            request.Incomes.ToDomain(), request.FinancialAssetsFen));

    public override Task<V1.SupportCase> SuspendExtremePoverty(EndExtremePovertyRequest request, ServerCallContext context) =>
        Support(support.EndExtremePovertyAsync(request.CaseId, request.StaffId, (Domain.SupportEndGround)(int)request.Ground, request.Reasons,
            request.OccurredOn, stop: false));

    public override Task<V1.SupportCase> StopExtremePoverty(EndExtremePovertyRequest request, ServerCallContext context) =>
        Support(support.EndExtremePovertyAsync(request.CaseId, request.StaffId, (Domain.SupportEndGround)(int)request.Ground, request.Reasons,
            request.OccurredOn, stop: true));

    public override Task<V1.SupportCase> ResumeExtremePoverty(ResumeExtremePovertyRequest request, ServerCallContext context) =>
        Support(support.ResumeExtremePovertyAsync(request.CaseId, request.StaffId, request.Reasons));

    public override async Task<ListDueSupportReviewsResponse> ListDueSupportReviews(ListDueSupportReviewsRequest request, ServerCallContext context)
    {
        var today = calendar.Today;
        var response = new ListDueSupportReviewsResponse { AsOf = Dates.Format(today) };
        response.Cases.AddRange((await support.DueSupportReviewsAsync()).Select(c => c.ToContract(today)));
        return response;
    }

    public override Task<V1.SupportCase> RefuseTemporaryAssistance(RefuseTemporaryAssistanceRequest request, ServerCallContext context) =>
        Support(support.RefuseTemporaryAsync(request.CaseId, request.StaffId, request.Reasons));

    public override Task<V1.SupportCase> RecordSupportRefusalNotice(RecordSupportRefusalNoticeRequest request, ServerCallContext context) =>
        Support(support.RecordRefusalNoticeAsync(request.CaseId, request.StaffId));

    public override Task<V1.SupportCase> LodgeSupportObjection(LodgeSupportObjectionRequest request, ServerCallContext context) =>
        Support(support.LodgeObjectionAsync(request.CaseId, request.Text));

    public override Task<V1.SupportCase> ResolveSupportObjection(ResolveSupportObjectionRequest request, ServerCallContext context) =>
        Support(support.ResolveObjectionAsync(request.CaseId, request.ObjectionId, request.StaffId, request.Resolution, request.Upheld));

    public override async Task<PublishLocalStandardResponse> PublishLocalStandard(PublishLocalStandardRequest request, ServerCallContext context)
    {
        var (standard, changes) = await publication.PublishAsync(request.CountyCode, request.EffectiveFrom, request.MonthlyStandardFen,
            request.AssetLimitPerCapitaFen, request.StaffId);
        var response = new PublishLocalStandardResponse { Standard = standard.ToContract() };
        response.Changes.AddRange(changes.Select(c => new V1.StandardChange
        {
            ApplicationId = c.ApplicationId, HouseholdId = c.HouseholdId, FromMonth = PaymentRuns.Format(c.FromMonth), BeforeFen = c.BeforeFen,
            AfterFen = c.AfterFen,
        }));
        return response;
    }

    public override async Task<ListLocalStandardsResponse> ListLocalStandards(ListLocalStandardsRequest request, ServerCallContext context)
    {
        var county = request.CountyCode.Trim();
        if (county.Length != 6 || !county.All(char.IsAsciiDigit))
            throw new ValidationFailed("county_code", "must be the 6-digit administrative division code");
        var response = new ListLocalStandardsResponse { CountyCode = county };
        response.Standards.AddRange((await standards.OfCountyAsync(county)).Select(s => s.ToContract()));
        return response;
    }

    public override Task<V1.SupportCase> ApplyTemporaryAssistance(ApplyTemporaryAssistanceRequest request, ServerCallContext context) =>
        Support(support.ApplyTemporaryAsync(request.HouseholdId, request.AmountFen, request.Reason, request.StaffId));

    public override Task<V1.SupportCase> PostTemporaryAssistance(PostTemporaryAssistanceRequest request, ServerCallContext context) =>
        Support(support.PostTemporaryAsync(request.CaseId, request.StaffId));

    public override Task<V1.SupportCase> ApproveTemporaryAssistance(ApproveTemporaryAssistanceRequest request, ServerCallContext context) =>
        Support(support.ApproveTemporaryAsync(request.CaseId, request.StaffId));

    public override Task<V1.SupportCase> GrantEmergencyAssistance(GrantEmergencyAssistanceRequest request, ServerCallContext context) =>
        Support(support.GrantEmergencyAsync(request.HouseholdId, request.AmountFen, request.Reason, request.StaffId));

    public override Task<V1.SupportCase> CompletePaperwork(CompletePaperworkRequest request, ServerCallContext context) =>
        Support(support.CompletePaperworkAsync(request.CaseId, request.StaffId, request.Notes));

    public override Task<V1.SupportCase> GetSupportCase(GetSupportCaseRequest request, ServerCallContext context) =>
        Support(support.GetAsync(request.CaseId));

    public override async Task<ListPendingPaperworkResponse> ListPendingPaperwork(ListPendingPaperworkRequest request, ServerCallContext context)
    {
        var today = calendar.Today;
        var response = new ListPendingPaperworkResponse { AsOf = Dates.Format(today) };
        response.Cases.AddRange((await support.PendingPaperworkAsync()).Select(c => c.ToContract(today)));
        return response;
    }

    public override async Task<V1.PaymentRun> RunMonthlyPayments(RunMonthlyPaymentsRequest request, ServerCallContext context)
    {
        var run = await payments.RunAsync(request.Month);
        return new V1.PaymentRun
        {
            RunId = run.Id, Month = PaymentRuns.Format(run.Month), RanAt = run.RanAt.ToTimestamp(), PaidCount = run.PaidCount,
            AlreadyPaidCount = run.AlreadyPaidCount, TotalPaidFen = run.TotalPaidFen,
        };
    }

    public override async Task<ListHouseholdPaymentsResponse> ListHouseholdPayments(ListHouseholdPaymentsRequest request, ServerCallContext context)
    {
        var ledger = await payments.LedgerAsync(request.HouseholdId);
        var response = new ListHouseholdPaymentsResponse { HouseholdId = request.HouseholdId.Trim(), TotalPaidFen = ledger.Sum(p => p.AmountFen) };
        response.Payments.AddRange(ledger.Select(p => new PaymentEntry
        {
            PaymentId = p.Id, CaseId = p.CaseId, Programme = (V1.Programme)(int)p.Programme, Month = PaymentRuns.Format(p.Month),
            AmountFen = p.AmountFen, PaidAt = p.PaidAt.ToTimestamp(), Source = p.Source,
        }));
        return response;
    }

    private async Task<V1.SupportCase> Support(Task<Domain.SupportCase> supportCase) => (await supportCase).ToContract(calendar.Today);

    private async Task<V1.DibaoApplication> Case(Task<Domain.DibaoApplication> application) => (await application).ToContract(calendar.Today);
}
