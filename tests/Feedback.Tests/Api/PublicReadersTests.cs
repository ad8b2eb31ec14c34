using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>
/// A call the gateway forwards without a partner (an anonymous public route) gets every free text masked by the
/// service: suggestions and their replies, rectification notes, meeting minutes, inspection findings. A partner, the
/// office's own system, reads them as written.
/// </summary>
public sealed class PublicReadersTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly V1.Feedback.FeedbackClient _office = host.Client();
    private readonly V1.Feedback.FeedbackClient _public = new(host.Channel(partner: null));

    [Fact]
    public async Task Meeting_minutes_read_without_a_partner_mask_the_attendees_names_and_phone_numbers()
    {
        var meeting = await _office.RecordAppraisalMeetingAsync(new RecordAppraisalMeetingRequest
        {
            Title = "第四季度民主评议大会", HeldOn = "2026-11-02", Minutes = "王建国发言：婚姻登记窗口电话13800138000常占线。",
            Attendees = { new MeetingAttendee { Name = "王建国", Role = "人大代表" } },
            Scores = { new MeetingScore { Window = WindowType.MarriageRegistration, Score = 88 } },
        });

        var shown = await _public.GetAppraisalMeetingAsync(new GetAppraisalMeetingRequest { MeetingId = meeting.MeetingId });
        var listed = await _public.ListAppraisalMeetingsAsync(new ListAppraisalMeetingsRequest { FromDate = "2026-11-02", ToDate = "2026-11-02" });
        var whole = await _office.GetAppraisalMeetingAsync(new GetAppraisalMeetingRequest { MeetingId = meeting.MeetingId });

        Assert.Equal("王*国发言：婚姻登记窗口电话138****8000常占线。", shown.Minutes);
        Assert.Equal(shown.Minutes, listed.Meetings.Single(m => m.MeetingId == meeting.MeetingId).Minutes);
        Assert.Equal("王建国发言：婚姻登记窗口电话13800138000常占线。", whole.Minutes);
    }

    [Fact]
    public async Task Rectification_notes_and_suggestions_read_without_a_partner_mask_the_numbers_a_clerk_or_citizen_wrote()
    {
        var rating = await _office.InviteAndRateAsync(WindowType.DisabilityWelfare, "public:1", RatingLevel.Dissatisfied);
        await _office.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = rating.RectificationCaseId, Action = CaseAction.Verify, HandledBy = "clerk-1", Note = "已回电138-0013-8000核实",
        });
        var dropped = await _office.DropSuggestionAsync(new DropSuggestionRequest
        {
            Window = WindowType.DisabilityWelfare, Category = "其他", Text = "补贴到账慢，请回电+8613800138000", Anonymous = true,
        });

        var cases = await _public.ListRectificationsAsync(new ListRectificationsRequest { Window = WindowType.DisabilityWelfare });
        var suggestion = await _public.GetSuggestionAsync(new GetSuggestionRequest { SuggestionId = dropped.SuggestionId });

        Assert.Equal("已回电138******8000核实", cases.Cases.Single().Steps[^1].Note);
        Assert.Equal("补贴到账慢，请回电+86*******8000", suggestion.Text);
        Assert.Equal("补贴到账慢，请回电+8613800138000",
            (await _office.GetSuggestionAsync(new GetSuggestionRequest { SuggestionId = dropped.SuggestionId })).Text);
    }
}
