using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

public sealed class ConcurrencyAndConfigurationTests : IDisposable
{
    private readonly FeedbackHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Fifty_citizens_rating_through_one_invitation_at_once_leave_one_rating_and_one_case()
    {
        var client = _host.Client();
        var invitation = await client.InviteAsync(WindowType.MarriageRegistration, "race:1");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await client.RateServiceAsync(new RateServiceRequest { InvitationId = invitation.InvitationId, Level = RatingLevel.Dissatisfied });
                return StatusCode.OK;
            }
            catch (RpcException error)
            {
                return error.StatusCode;
            }
        }));

        Assert.Single(attempts, s => s == StatusCode.OK);
        Assert.All(attempts.Where(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.AlreadyExists, s));
        var summary = await client.GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(1, summary.Satisfaction.Total);
        Assert.Equal(1, summary.Rectification.Opened);
    }

    [Fact]
    public async Task Deadlines_follow_the_configured_window_days_on_the_official_calendar_and_no_list_of_feedbacks_own()
    {
        // Monday 2 November 2026; marriage cases get 2 working days. A holiday list of the service's own, as the
        // earlier release read it, no longer counts: Tuesday 3 November is a working day of the official calendar.
        _host.With("Feedback:Rectification:Windows:MARRIAGE_REGISTRATION:WorkingDays", "2")
            .With("WorkingDays:Holidays:0", "2026-11-03");
        var client = _host.Client();

        var marriage = await client.InviteAndRateAsync(WindowType.MarriageRegistration, "deadline:1", RatingLevel.Dissatisfied);
        var elderly = await client.InviteAndRateAsync(WindowType.ElderlyCare, "deadline:2", RatingLevel.Dissatisfied);

        var marriageCase = await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = marriage.RectificationCaseId });
        var elderlyCase = await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = elderly.RectificationCaseId });
        Assert.Equal("2026-11-04", marriageCase.Deadline);
        Assert.Equal("2026-11-09", elderlyCase.Deadline);
    }
}
