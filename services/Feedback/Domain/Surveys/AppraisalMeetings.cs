using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Recording democratic appraisal meetings and reading them back.</summary>
public sealed class AppraisalMeetings(IAppraisalStore store, OfficeClock clock)
{
    public const int MaxAttendees = 500;
    public const int MaxMinutesLength = 20000;
    public const int MaxListed = 100;

    public async Task<AppraisalMeeting> RecordAsync(RecordMeetingCommand command, CancellationToken cancellationToken = default)
    {
        var validator = new Validator().RequireText(command.Title, "title", Questionnaires.MaxTitleLength);
        var heldOn = validator.Date(command.HeldOn, "held_on");
        if (heldOn is { } held && held > clock.Today) validator.Add("held_on", "must not be in the future");
        validator.Require(command.Attendees.Count is > 0 and <= MaxAttendees, "attendees", $"must list 1 to {MaxAttendees} attendees");
        for (var i = 0; i < command.Attendees.Count; i++)
            validator.RequireText(command.Attendees[i].Name, $"attendees[{i}].name", SuggestionBox.MaxNameLength)
                .LimitText(command.Attendees[i].Role, $"attendees[{i}].role", SuggestionBox.MaxNameLength);
        validator.Require(command.Scores.Count > 0, "scores", "must score at least one window");
        for (var i = 0; i < command.Scores.Count; i++)
        {
            var (window, score) = command.Scores[i];
            validator.Require(window.IsDefined(), $"scores[{i}].window", "must be one of the ten window types")
                .Require(command.Scores.Take(i).All(s => s.Window != window), $"scores[{i}].window", "is scored twice")
                .Require(score is >= 0 and <= 100, $"scores[{i}].score", "must be from 0 to 100");
        }
        validator.RequireText(command.Minutes, "minutes", MaxMinutesLength).ThrowIfInvalid();

        var meeting = new AppraisalMeeting("am-" + Guid.CreateVersion7().ToString("N"), command.Title!.Trim(), heldOn!.Value,
            command.Attendees.Select(a => new Attendee(a.Name!.Trim(), TextRules.Clean(a.Role))).ToList(),
            command.Scores.Select(s => new WindowScore(s.Window, s.Score)).ToList(),
            command.Minutes!.Trim(), clock.Now);
        await store.AddAsync(meeting, cancellationToken);
        return meeting;
    }

    public async Task<AppraisalMeeting> GetAsync(string? meetingId, CancellationToken cancellationToken = default)
    {
        var id = TextRules.Clean(meetingId) ?? throw new ValidationFailed("meeting_id", "is required");
        return await store.FindAsync(id, cancellationToken) ?? throw new NotFound("appraisal meeting", id);
    }

    public Task<IReadOnlyList<AppraisalMeeting>> ListAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        store.ListAsync(period, MaxListed, cancellationToken);
}
