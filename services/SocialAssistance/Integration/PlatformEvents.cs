using System.Diagnostics;
using System.Globalization;
using CivilAffairs.Feedback.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.StaffConduct.V1;
using Google.Protobuf;
using Window = CivilAffairs.SharedKernel.Window;

namespace CivilAffairs.SocialAssistance.Integration;

/// <summary>The social-assistance window's events as the consumers' own gRPC requests, ready for the outbox.</summary>
internal sealed class PlatformEvents(TimeProvider time) : IPlatformEvents
{
    public const string FeedbackTarget = "feedback";
    public const string StaffConductTarget = "staff-conduct";
    public const string CreateInvitation = "/civilaffairs.feedback.v1.Feedback/CreateInvitation";
    public const string ReportCasesHandled = "/civilaffairs.staffconduct.v1.StaffConduct/ReportCasesHandled";

    public IReadOnlyList<OutboxMessage> ServiceCompleted(CompletedService kind, string caseId, string staffId, DateOnly day)
    {
        var invitationId = NewEventId();
        var caseEventId = NewEventId();
        var invitation = new CreateInvitationRequest
        {
            Window = Common.V1.WindowType.SocialAssistance, StaffId = staffId, ServiceReference = $"assistance:{kind.ReferenceCode()}:{caseId}",
            Channel = Channel.SmsLink, IdempotencyKey = invitationId,
        };
        var handled = new ReportCasesHandledRequest
        {
            StaffId = staffId, Month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture), Count = 1, Source = "social-assistance",
            EventId = caseEventId, Window = Common.V1.WindowType.SocialAssistance,
        };
        return
        [
            Message(invitationId, caseId, FeedbackTarget, CreateInvitation, invitation),
            Message(caseEventId, caseId, StaffConductTarget, ReportCasesHandled, handled),
        ];
    }

    private OutboxMessage Message(string eventId, string aggregateId, string target, string method, IMessage request) =>
        new(eventId, aggregateId, target, method, request.ToByteArray(), Window.SocialAssistance, Activity.Current?.Id, time.GetUtcNow());

    private string NewEventId() => "evt_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
