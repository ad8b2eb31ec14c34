using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// A decision that completes a service for a household tells the platform, through the outbox: feedback invites the
/// household to rate it, staff-conduct counts the case for the staff member who decided. Other steps and refused
/// requests tell nobody anything.
/// </summary>
public sealed class PlatformEventsTests : FreshHostTests
{
    private static (CreateInvitationRequest Invitation, ReportCasesHandledRequest Handled) Completion(IReadOnlyList<OutboxMessage> events)
    {
        Assert.Equal(2, events.Count);
        Assert.Equal(("feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation"), (events[0].Target, events[0].Method));
        Assert.Equal(("staff-conduct", "/civilaffairs.staffconduct.v1.StaffConduct/ReportCasesHandled"), (events[1].Target, events[1].Method));
        Assert.All(events, e => Assert.Equal(Window.SocialAssistance, e.Window));
        var invitation = CreateInvitationRequest.Parser.ParseFrom(events[0].Payload);
        var handled = ReportCasesHandledRequest.Parser.ParseFrom(events[1].Payload);
        // The event id travels as the idempotency key, so a redelivery is recognised by the consumer.
        Assert.Equal((events[0].EventId, events[1].EventId), (invitation.IdempotencyKey, handled.EventId));
        Assert.Equal((WindowType.SocialAssistance, Channel.SmsLink), (invitation.Window, invitation.Channel));
        Assert.Equal(("social-assistance", WindowType.SocialAssistance, 1), (handled.Source, handled.Window, handled.Count));
        Assert.Equal(invitation.StaffId, handled.StaffId);
        return (invitation, handled);
    }

    [Fact]
    public async Task A_confirmed_dibao_invites_a_rating_and_counts_the_case_for_the_approver_and_no_earlier_step_or_refusal_does()
    {
        var (_, submitted) = await Steps.SubmittedAsync(AssistanceHost.Couple(0, 0));
        await Steps.PostedAsync(submitted.ApplicationId, 0, 0);
        Host.SetToday(new DateOnly(2026, 11, 9));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ConfirmApplicationAsync(new ConfirmApplicationRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Caseworker,
        }).ResponseAsync);

        await Steps.ConfirmAsync(submitted.ApplicationId);

        var (invitation, handled) = Completion(await Host.Events.AtLeastAsync(2));
        Assert.Equal(($"assistance:dibao-confirmed:{submitted.ApplicationId}", StaffConductServer.Approver),
            (invitation.ServiceReference, invitation.StaffId));
        Assert.Equal("2026-11", handled.Month);
        Assert.All(Host.Events.Sent, e => Assert.Equal(submitted.ApplicationId, e.AggregateId));
    }

    [Fact]
    public async Task A_notified_refusal_completes_the_service_but_the_refusal_itself_does_not()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        await Host.Client.RefuseApplicationAsync(new RefuseApplicationRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Clerk, Reasons = "家庭人均收入不低于当地低保标准",
        });
        await Host.Client.RecordRefusalNoticeAsync(new RecordRefusalNoticeRequest { ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Clerk });

        var (invitation, _) = Completion(await Host.Events.AtLeastAsync(2));
        Assert.Equal(($"assistance:dibao-refused:{submitted.ApplicationId}", StaffConductServer.Clerk), (invitation.ServiceReference, invitation.StaffId));
    }

    [Fact]
    public async Task An_emergency_payment_completes_the_service_and_a_second_one_refused_in_the_month_tells_nobody()
    {
        var household = await Host.RegisterAsync();
        var request = new GrantEmergencyAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 100_000, Reason = "房屋失火, 基本生活陷入困境", StaffId = StaffConductServer.Clerk,
        };
        var granted = await Host.Client.GrantEmergencyAssistanceAsync(request);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.GrantEmergencyAssistanceAsync(request).ResponseAsync);
        await Host.Client.CompletePaperworkAsync(new CompletePaperworkRequest { CaseId = granted.CaseId, StaffId = StaffConductServer.Caseworker, Notes = "已补齐" });
        await Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 50_000, Reason = "医疗支出", StaffId = StaffConductServer.Clerk,
        });

        // The relay delivers in the order the events were written: had any step above written one, it would come
        // before the extreme-poverty approval's.
        var approved = await ExtremePovertyApprovedAsync();

        var events = await Host.Events.AtLeastAsync(4);
        Assert.Equal(4, events.Count);
        var (emergency, _) = Completion(events.Take(2).ToList());
        Assert.Equal(($"assistance:emergency:{granted.CaseId}", StaffConductServer.Clerk), (emergency.ServiceReference, emergency.StaffId));
        var (support, _) = Completion(events.Skip(2).ToList());
        Assert.Equal(($"assistance:extreme-poverty:{approved.CaseId}", StaffConductServer.Clerk), (support.ServiceReference, support.StaffId));
    }

    [Fact]
    public async Task Temporary_assistance_paid_after_its_posting_counts_for_the_approver()
    {
        var household = await Host.RegisterAsync();
        var applied = await Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 200_000, Reason = "重病住院", StaffId = StaffConductServer.Clerk,
        });
        await Host.Client.PostTemporaryAssistanceAsync(new PostTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Clerk });
        Host.SetToday(new DateOnly(2026, 11, 9));
        await Host.Client.ApproveTemporaryAssistanceAsync(new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver });

        var (invitation, handled) = Completion(await Host.Events.AtLeastAsync(2));
        Assert.Equal(($"assistance:temporary:{applied.CaseId}", StaffConductServer.Approver), (invitation.ServiceReference, invitation.StaffId));
        Assert.Equal("2026-11", handled.Month);
    }

    [Fact]
    public async Task A_retried_approval_with_its_key_replays_the_first_answer_and_tells_the_platform_once()
    {
        var request = await ExtremePovertyRequestAsync();
        request.IdempotencyKey = "approve-" + Guid.NewGuid();
        var first = await Host.Client.ApplyExtremePovertyAsync(request);
        var retried = await Host.Client.ApplyExtremePovertyAsync(request);
        Assert.Equal(first.CaseId, retried.CaseId);
        // Written after the retry: had the retry written events, they would come before these.
        var next = await ExtremePovertyApprovedAsync();

        var events = await Host.Events.AtLeastAsync(4);
        Assert.Equal(4, events.Count);
        Assert.Equal($"assistance:extreme-poverty:{first.CaseId}", Completion(events.Take(2).ToList()).Invitation.ServiceReference);
        Assert.Equal($"assistance:extreme-poverty:{next.CaseId}", Completion(events.Skip(2).ToList()).Invitation.ServiceReference);
    }

    private async Task<V1.SupportCase> ExtremePovertyApprovedAsync() =>
        await Host.Client.ApplyExtremePovertyAsync(await ExtremePovertyRequestAsync());

    /// <summary>Support for a 72-year-old living alone who cannot work: eligible, approved at once.</summary>
    private async Task<ApplyExtremePovertyRequest> ExtremePovertyRequestAsync()
    {
        var household = await Host.RegisterAsync(AssistanceHost.Household(new MemberInput
        {
            Name = "孙老汉", IdNumber = IdNumbers.Man(72, on: new DateOnly(2026, 11, 2)), Relation = Relation.Head,
            WorkCapacity = WorkCapacity.None, Health = HealthCondition.Healthy,
        }));
        return new ApplyExtremePovertyRequest
        {
            HouseholdId = household.HouseholdId, MemberIndex = 0, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk,
        };
    }
}
