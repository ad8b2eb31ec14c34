using System.Diagnostics;
using System.Globalization;
using CivilAffairs.Feedback.V1;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.SharedKernel;
using CivilAffairs.StaffConduct.V1;
using Google.Protobuf;
using Window = CivilAffairs.SharedKernel.Window;

namespace CivilAffairs.Marriage.Integration;

/// <summary>The marriage window's events as the consumers' own gRPC requests, ready for the outbox.</summary>
internal sealed class PlatformEvents(TimeProvider time) : IPlatformEvents
{
    public const string FeedbackTarget = "feedback";
    public const string StaffConductTarget = "staff-conduct";

    public IReadOnlyList<OutboxMessage> ServiceCompleted(string aggregateId, string serviceReference, string clerkId, DateOnly day)
    {
        var invitationId = NewEventId();
        var caseId = NewEventId();
        var invitation = new CreateInvitationRequest
        {
            Window = Common.V1.WindowType.MarriageRegistration, StaffId = clerkId, ServiceReference = serviceReference,
            Channel = Channel.SmsLink, IdempotencyKey = invitationId,
        };
        var handled = new ReportCasesHandledRequest
        {
            StaffId = clerkId, Month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture), Count = 1, Source = "marriage",
            EventId = caseId, Window = Common.V1.WindowType.MarriageRegistration,
        };
        return
        [
            Message(invitationId, aggregateId, FeedbackTarget, "/civilaffairs.feedback.v1.Feedback/CreateInvitation", invitation),
            Message(caseId, aggregateId, StaffConductTarget, "/civilaffairs.staffconduct.v1.StaffConduct/ReportCasesHandled", handled),
        ];
    }

    private OutboxMessage Message(string eventId, string aggregateId, string target, string method, IMessage request) =>
        new(eventId, aggregateId, target, method, request.ToByteArray(), Window.MarriageRegistration, Activity.Current?.Id, time.GetUtcNow());

    private string NewEventId() => "evt_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
