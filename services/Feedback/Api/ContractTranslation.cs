using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>Domain records to contract messages. Nothing here ever copies a phone number or a full name out.</summary>
internal static class ContractTranslation
{
    public static V1.Rating ToContract(this Rating rating) => new()
    {
        RatingId = rating.Id,
        Window = rating.Window.ToContract(),
        StaffId = rating.StaffId ?? "",
        ServiceReference = rating.ServiceReference,
        Level = (V1.RatingLevel)(int)rating.Level,
        Comment = rating.Comment ?? "",
        Channel = (V1.Channel)(int)rating.Channel,
        RatedAt = rating.RatedAt.ToTimestamp(),
        InvitationId = rating.InvitationId ?? "",
        RectificationCaseId = rating.Level.IsDissatisfied() ? RectificationCase.IdFor(rating.Id) : "",
    };

    public static V1.Invitation ToContract(this Invitation invitation, InvitationStatus status) => new()
    {
        InvitationId = invitation.Id,
        Window = invitation.Window.ToContract(),
        StaffId = invitation.StaffId ?? "",
        ServiceReference = invitation.ServiceReference,
        Channel = (V1.Channel)(int)invitation.Channel,
        CreatedAt = invitation.CreatedAt.ToTimestamp(),
        ExpiresAt = invitation.ExpiresAt.ToTimestamp(),
        Status = (V1.InvitationStatus)(int)status,
    };

    /// <summary>The public face of a suggestion: masked name, never the phone; a hidden one without its text. For a
    /// public reader (<paramref name="forPublic"/>) its free text too is masked: names, ID and phone numbers.</summary>
    public static V1.Suggestion ToContract(this Suggestion suggestion, bool forPublic)
    {
        string Shown(string text) => forPublic ? PublicText.Mask(text, suggestion.Suggester?.Name) : text;
        return new V1.Suggestion
        {
            SuggestionId = suggestion.Id,
            Window = suggestion.Window.ToContract(),
            Category = suggestion.Category,
            Text = suggestion.Hidden ? "" : Shown(suggestion.Text),
            Anonymous = suggestion.Anonymous,
            MaskedName = suggestion.Suggester?.MaskedName ?? "",
            SubmittedAt = suggestion.SubmittedAt.ToTimestamp(),
            Hidden = suggestion.Hidden,
            HiddenReason = Shown(suggestion.Hiding?.Text ?? ""),
            Replies =
            {
                suggestion.Replies.Select(r => new V1.SuggestionReply { Text = Shown(r.Text), RepliedBy = Shown(r.By), RepliedAt = r.At.ToTimestamp() }),
            },
        };
    }

    /// <param name="forPublic">a public reader: the steps' notes masked (a clerk may write the number called back)</param>
    public static V1.RectificationCase ToContract(this RectificationCase c, DateOnly today, bool forPublic = false) => new()
    {
        CaseId = c.Id,
        RatingId = c.RatingId,
        Window = c.Window.ToContract(),
        StaffId = c.StaffId ?? "",
        ServiceReference = c.ServiceReference,
        Level = (V1.RatingLevel)(int)c.Level,
        OpenedAt = c.OpenedAt.ToTimestamp(),
        OpenedOn = Dates.Format(c.OpenedOn),
        Deadline = Dates.Format(c.Deadline),
        Stage = (V1.CaseStage)(int)c.Stage,
        Outcome = (V1.CaseOutcome)(int)c.Outcome,
        ClosedOn = Format(c.ClosedOn),
        Overdue = c.IsOverdue(today),
        Version = c.Version,
        Steps =
        {
            c.Steps.Select(s => new V1.CaseStep
            {
                Number = s.Number,
                Action = (V1.CaseAction)(int)s.Action,
                FromStage = (V1.CaseStage)(int)s.From,
                ToStage = (V1.CaseStage)(int)s.To,
                HandledBy = s.HandledBy,
                Note = forPublic ? PublicText.Mask(s.Note ?? "") : s.Note ?? "",
                At = s.At.ToTimestamp(),
            }),
        },
    };

    public static V1.SatisfactionSummary ToSummary(this SatisfactionFigures figures, Window window, ReportingPeriod period) => new()
    {
        Window = window.ToContract(),
        Total = figures.Total,
        Counts = { figures.LevelCounts() },
        SatisfactionRate = figures.SatisfactionRate,
        FromDate = Format(period.From),
        ToDate = Format(period.To),
        WithdrawnOnAppeal = figures.WithdrawnOnAppeal,
    };

    public static V1.WindowStatistics ToContract(this WindowFigures figures, ReportingPeriod period) => new()
    {
        Window = figures.Window.ToContract(),
        Satisfaction = figures.Satisfaction.ToSummary(figures.Window, period),
        Rectification = figures.Rectification.ToContract(),
        Appraisal = new V1.AppraisalSummary { Meetings = figures.Appraisal.Meetings, AverageScore = figures.Appraisal.AverageScore },
    };

    public static V1.RectificationSummary ToContract(this RectificationFigures figures) => new()
    {
        Opened = figures.Opened,
        Closed = figures.Closed,
        ClosedOnTime = figures.ClosedOnTime,
        Overdue = figures.Overdue,
        OnTimeRate = figures.OnTimeRate,
    };

    public static IEnumerable<V1.LevelCount> LevelCounts(this SatisfactionFigures figures) =>
        figures.Counts.Select(c => new V1.LevelCount { Level = (V1.RatingLevel)(int)c.Key, Count = c.Value });

    public static string Format(DateOnly? day) => day is { } value ? Dates.Format(value) : "";
}
