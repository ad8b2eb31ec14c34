using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>Evaluators, their reports and appraisal meetings as the public sees them: masked names, no phone.</summary>
internal static class EvaluatorTranslation
{
    public static V1.Evaluator ToContract(this Evaluator evaluator) => new()
    {
        EvaluatorId = evaluator.Id,
        MaskedName = evaluator.MaskedName,
        Affiliation = evaluator.Affiliation ?? "",
        TermStart = Dates.Format(evaluator.TermStart),
        TermEnd = Dates.Format(evaluator.TermEnd),
    };

    /// <param name="forPublic">a public reader: the findings' free text masked (names, ID and phone numbers)</param>
    public static V1.InspectionReport ToContract(this InspectionReport report, bool forPublic = false) => new()
    {
        ReportId = report.Id,
        EvaluatorId = report.EvaluatorId,
        Window = report.Window.ToContract(),
        StaffId = report.StaffId ?? "",
        VisitedOn = Dates.Format(report.VisitedOn),
        Score = report.Score,
        Findings = forPublic ? PublicText.Mask(report.Findings) : report.Findings,
        SubmittedAt = report.SubmittedAt.ToTimestamp(),
    };

    public static RecordMeetingCommand ToCommand(this V1.RecordAppraisalMeetingRequest request) => new(
        request.Title, request.HeldOn,
        request.Attendees.Select(a => ((string?)a.Name, (string?)a.Role)).ToList(),
        request.Scores.Select(s => (s.Window.ToDomain(), s.Score)).ToList(),
        request.Minutes);

    /// <param name="forPublic">a public reader: the minutes masked, the attendees' own names included</param>
    public static V1.AppraisalMeeting ToContract(this AppraisalMeeting meeting, bool forPublic = false) => new()
    {
        MeetingId = meeting.Id,
        Title = meeting.Title,
        HeldOn = Dates.Format(meeting.HeldOn),
        Attendees = { meeting.Attendees.Select(a => new V1.MeetingAttendee { MaskedName = a.MaskedName, Role = a.Role ?? "" }) },
        Scores = { meeting.Scores.Select(s => new V1.MeetingScore { Window = s.Window.ToContract(), Score = s.Score }) },
        Minutes = forPublic ? PublicText.Mask(meeting.Minutes, meeting.Attendees.Select(a => (string?)a.Name)) : meeting.Minutes,
        RecordedAt = meeting.RecordedAt.ToTimestamp(),
    };
}
