using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class AppraisalMeetingsTests : SqliteDomainTest
{
    private AppraisalMeetings _meetings = null!;
    private AppraisalStore _store = null!;

    protected override void Start(IDocumentStore store)
    {
        _store = new AppraisalStore(store);
        _meetings = new AppraisalMeetings(_store, Clock);
    }

    private static RecordMeetingCommand Meeting(string heldOn = "2026-10-30", params (Window, double)[] scores) => new(
        "2026年度民主评议大会", heldOn, [("周大勇", "人大代表"), ("吴芳", "群众代表")],
        scores.Length == 0 ? [(Window.MarriageRegistration, 92.5), (Window.SocialAssistance, 88)] : scores, "会议纪要：……");

    [Fact]
    public async Task A_meeting_keeps_its_attendees_scores_and_minutes()
    {
        var recorded = await _meetings.RecordAsync(Meeting());

        var read = await _meetings.GetAsync(recorded.Id);

        Assert.Equal(recorded, read);
        Assert.Equal(["周*勇", "吴*"], read.Attendees.Select(a => a.MaskedName));
        Assert.DoesNotContain("周大勇", read.Attendees[0].ToString());
        Assert.Equal(92.5, read.Scores[0].Score);
    }

    [Fact]
    public async Task Every_bad_part_of_a_meeting_is_named_and_nothing_is_recorded()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _meetings.RecordAsync(new RecordMeetingCommand(
            "评议", "2026-11-03", [("", null)], [(Window.PlaceNames, 101), (Window.PlaceNames, 50), (Window.Unspecified, 50)], "")));

        Assert.Equal(["held_on", "attendees[0].name", "scores[0].score", "scores[1].window", "scores[2].window", "minutes"],
            error.Violations.Select(v => v.Field));
        Assert.Empty(await _meetings.ListAsync(ReportingPeriod.Always));
    }

    [Fact]
    public async Task A_window_score_is_averaged_over_the_meetings_of_the_period()
    {
        await _meetings.RecordAsync(Meeting("2026-10-01", (Window.ElderlyCare, 80)));
        await _meetings.RecordAsync(Meeting("2026-10-20", (Window.ElderlyCare, 90), (Window.PlaceNames, 70)));
        await _meetings.RecordAsync(Meeting("2026-09-20", (Window.ElderlyCare, 10)));

        var october = new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        var elderly = await _store.ScoreOfAsync(Window.ElderlyCare, october);
        var child = await _store.ScoreOfAsync(Window.ChildWelfare, october);
        var listed = await _meetings.ListAsync(october);

        Assert.Equal(new AppraisalFigures(2, 85), elderly);
        Assert.Equal(AppraisalFigures.None, child);
        Assert.Equal(["2026-10-20", "2026-10-01"], listed.Select(m => Dates.Format(m.HeldOn)));
    }
}
