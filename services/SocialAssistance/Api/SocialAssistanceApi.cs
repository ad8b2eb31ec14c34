using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>The gRPC (and transcoded REST) face of the service: translation only, the rules live in Domain.</summary>
public sealed class SocialAssistanceApi(HouseholdRegistry registry, DibaoIntake intake, DibaoProcess process, CaseLists lists,
    CaseCalendar calendar) : V1.SocialAssistance.SocialAssistanceBase
{
    public override async Task<V1.Household> RegisterHousehold(RegisterHouseholdRequest request, ServerCallContext context) =>
        (await registry.RegisterAsync(request.ToDomain(), Claim(HouseholdRegistry.Scope, context, request, request.IdempotencyKey))).ToContract();

    public override async Task<V1.Household> GetHousehold(GetHouseholdRequest request, ServerCallContext context) =>
        (await registry.GetAsync(request.HouseholdId)).ToContract();

    public override Task<V1.DibaoApplication> SubmitDibaoApplication(SubmitDibaoApplicationRequest request, ServerCallContext context) =>
        Case(intake.SubmitAsync(request.ToDomain(), Claim(DibaoIntake.Scope, context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
        Case(intake.GetAsync(request.ApplicationId));

    public override Task<V1.DibaoApplication> AcceptApplication(AcceptApplicationRequest request, ServerCallContext context) =>
        Case(process.AcceptAsync(request.ApplicationId, request.StaffId, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> AssignCaseworker(AssignCaseworkerRequest request, ServerCallContext context) =>
        Case(process.AssignCaseworkerAsync(request.ApplicationId, request.StaffId, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> RecordInvestigation(RecordInvestigationRequest request, ServerCallContext context) =>
        Case(process.RecordInvestigationAsync(request.ApplicationId, request.StaffId,
            new Investigation(request.VisitedOn, request.VisitNotes, request.VerifiedMonthlyIncomesFen.ToList(), request.VerifiedFinancialAssetsFen),
            Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> RecordCommunityReview(RecordCommunityReviewRequest request, ServerCallContext context) =>
        Case(process.RecordCommunityReviewAsync(request.ApplicationId, request.StaffId, request.HeldOn, request.Attendees,
            request.VotesFor, request.VotesAgainst, request.Abstentions, Step(context, request, request.IdempotencyKey)));

    public override async Task<LodgeObjectionResponse> LodgeObjection(LodgeObjectionRequest request, ServerCallContext context)
    {
        var application = await process.LodgeObjectionAsync(request.ApplicationId, request.Text, Step(context, request, request.IdempotencyKey));
        // A replayed retry returns the case as it is now; the objection it lodged is the one with the same text.
        var objection = application.Posting!.Objections.Last(o => o.Text == request.Text.Trim());
        return new LodgeObjectionResponse { ObjectionId = objection.Id, LodgedOn = Dates.Format(objection.LodgedOn) };
    }

    public override Task<V1.DibaoApplication> ResolveObjection(ResolveObjectionRequest request, ServerCallContext context) =>
        Case(process.ResolveObjectionAsync(request.ApplicationId, request.ObjectionId, request.StaffId, request.Resolution,
            request.Upheld, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> ConfirmApplication(ConfirmApplicationRequest request, ServerCallContext context) =>
        Case(process.ConfirmAsync(request.ApplicationId, request.StaffId, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> RefuseApplication(RefuseApplicationRequest request, ServerCallContext context) =>
        Case(process.RefuseAsync(request.ApplicationId, request.StaffId, request.Reasons, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> RecordRefusalNotice(RecordRefusalNoticeRequest request, ServerCallContext context) =>
        Case(process.RecordRefusalNoticeAsync(request.ApplicationId, request.StaffId, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        Case(process.WithdrawAsync(request.ApplicationId, request.Reason, Step(context, request, request.IdempotencyKey)));

    public override Task<V1.DibaoApplication> ExtendTimeLimit(ExtendTimeLimitRequest request, ServerCallContext context) =>
        Case(process.ExtendTimeLimitAsync(request.ApplicationId, request.StaffId, request.Reason, Step(context, request, request.IdempotencyKey)));

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
            ApplicationId = l.Application.Id,
            Head = ContractMapping.ToMaskedPerson(l.Head.Name, l.Head.IdNumber),
            MemberCount = l.MemberCount,
            MonthlyBenefitFen = l.MonthlyBenefitFen,
            StartsOn = Dates.Format(l.Posting.StartsOn),
            EndsOn = Dates.Format(l.Posting.EndsOn),
        }));
        return response;
    }

    private async Task<V1.DibaoApplication> Case(Task<Domain.DibaoApplication> application) => (await application).ToContract(calendar.Today);

    /// <summary>The claim for a process step: one scope for all steps, the fingerprint tells them apart.</summary>
    private static IdempotencyClaim? Step<T>(ServerCallContext context, T request, string key) where T : IMessage<T>, IDeepCloneable<T> =>
        Claim(DibaoProcess.Scope, context, request, key);

    private static IdempotencyClaim? Claim<T>(string scope, ServerCallContext context, T request, string key)
        where T : IMessage<T>, IDeepCloneable<T> =>
        IdempotencyKey.From(context, key) is { } found ? new IdempotencyClaim(scope, found, Fingerprint.Of(request)) : null;
}
