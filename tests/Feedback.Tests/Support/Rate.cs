using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.V1;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>The way in to a rating, as a producing service and a citizen take it: invite, then rate.</summary>
public static class Rate
{
    public static Task<Invitation> InviteAsync(this V1.Feedback.FeedbackClient client, WindowType window, string reference,
        string staff = "staff-1", Channel channel = Channel.SmsLink) =>
        client.CreateInvitationAsync(new CreateInvitationRequest
        {
            Window = window, StaffId = staff, ServiceReference = reference, Channel = channel,
        }).ResponseAsync;

    public static async Task<Rating> InviteAndRateAsync(this V1.Feedback.FeedbackClient client, WindowType window, string reference,
        RatingLevel level, string staff = "staff-1", string comment = "")
    {
        var invitation = await client.InviteAsync(window, reference, staff);
        return await client.RateServiceAsync(new RateServiceRequest { InvitationId = invitation.InvitationId, Level = level, Comment = comment });
    }
}
