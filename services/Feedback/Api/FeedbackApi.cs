using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>The feedback gRPC service (REST under /api/feedback/v1 by transcoding). Translation only; every span of a
/// call is tagged with the window rated or concerned.</summary>
public sealed class FeedbackApi(
    Ratings ratings,
    RatingInvitations invitations,
    SuggestionBox suggestionBox,
    Rectifications rectifications,
    Statistics statistics,
    Questionnaires questionnaires,
    Evaluators evaluators,
    AppraisalMeetings meetings,
    FeedbackMetrics metrics) : V1.Feedback.FeedbackBase
{
    public override async Task<V1.Invitation> CreateInvitation(V1.CreateInvitationRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var invitation = await invitations.CreateAsync(new CreateInvitationCommand(window, request.StaffId, request.ServiceReference,
            (int)request.Channel, IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
        return invitation.ToContract(InvitationStatus.Open);
    }

    public override async Task<V1.Invitation> GetInvitation(V1.GetInvitationRequest request, ServerCallContext context)
    {
        var (invitation, status) = await invitations.GetAsync(request.InvitationId, context.CancellationToken);
        WindowTelemetry.Set(invitation.Window);
        return invitation.ToContract(status);
    }

    public override async Task<V1.Rating> RateService(V1.RateServiceRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var rating = await ratings.RateAsync(new RateServiceCommand(
            request.InvitationId, (int)request.Level, request.Comment, (int)request.Channel,
            request.Window.ToDomain(), request.StaffId, request.ServiceReference,
            IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
        WindowTelemetry.Set(rating.Window);
        metrics.Rated(rating);
        return rating.ToContract();
    }

    public override async Task<V1.Suggestion> DropSuggestion(V1.DropSuggestionRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var suggestion = await suggestionBox.DropAsync(new DropSuggestionCommand(
            window, request.Category, request.Text, request.Anonymous, request.Name, request.Phone,
            IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
        return suggestion.ToContract();
    }

    public override async Task<V1.Suggestion> GetSuggestion(V1.GetSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.GetAsync(request.SuggestionId, context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract();
    }

    public override async Task<V1.SuggestionList> ListSuggestions(V1.ListSuggestionsRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var (page, next) = await suggestionBox.ListAsync(window, request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        return new V1.SuggestionList
        {
            Suggestions = { page.Select(s => s.ToContract()) },
            Page = new Common.V1.PageInfo { NextPageToken = next ?? "" },
        };
    }

    public override async Task<V1.Suggestion> ReplyToSuggestion(V1.ReplyToSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.ReplyAsync(request.SuggestionId, request.Text, request.RepliedBy,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract();
    }

    public override async Task<V1.Suggestion> HideSuggestion(V1.HideSuggestionRequest request, ServerCallContext context)
    {
        var suggestion = await suggestionBox.HideAsync(request.SuggestionId, request.Reason, request.ModeratedBy,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
        WindowTelemetry.Set(suggestion.Window);
        return suggestion.ToContract();
    }

    public override async Task<V1.SatisfactionSummary> GetSatisfactionSummary(V1.GetSatisfactionSummaryRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var figures = await ratings.SummaryAsync(new RatingScope.OfWindow(window), period, context.CancellationToken);
        return figures.ToSummary(window, period);
    }

    public override async Task<V1.StaffSatisfaction> GetStaffSatisfaction(V1.GetStaffSatisfactionRequest request, ServerCallContext context)
    {
        var staffId = TextRules.Clean(request.StaffId) ?? throw new ValidationFailed("staff_id", "is required");
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var (figures, cases) = await statistics.ForStaffAsync(staffId, period, context.CancellationToken);
        var summary = figures.ToSummary(Window.Unspecified, period);
        return new V1.StaffSatisfaction
        {
            StaffId = staffId,
            Total = summary.Total,
            Counts = { summary.Counts },
            SatisfactionRate = summary.SatisfactionRate,
            FromDate = summary.FromDate,
            ToDate = summary.ToDate,
            Rectification = cases.ToContract(),
        };
    }

    public override async Task<V1.RectificationCase> GetRectificationCase(V1.GetRectificationCaseRequest request, ServerCallContext context)
    {
        var found = await rectifications.GetAsync(request.CaseId, context.CancellationToken);
        WindowTelemetry.Set(found.Window);
        return found.ToContract(rectifications.Today);
    }

    public override async Task<V1.RectificationCase> RecordRectificationStep(V1.RecordRectificationStepRequest request, ServerCallContext context)
    {
        var updated = await rectifications.RecordStepAsync(new RecordStepCommand(request.CaseId, (int)request.Action, request.HandledBy,
            request.Note, request.CitizenSatisfied, request.ExpectedVersion, IdempotencyKey.From(context, request.IdempotencyKey)),
            context.CancellationToken);
        WindowTelemetry.Set(updated.Window);
        metrics.Stepped(updated);
        return updated.ToContract(rectifications.Today);
    }

    public override async Task<V1.RectificationCaseList> ListOverdueRectifications(V1.ListOverdueRectificationsRequest request, ServerCallContext context)
    {
        Window? window = request.Window == Common.V1.WindowType.Unspecified ? null : request.Window.RequireWindow("window");
        if (window is { } w) WindowTelemetry.Set(w);
        var today = rectifications.Today;
        var overdue = await rectifications.ListOverdueAsync(window, request.Limit, context.CancellationToken);
        return new V1.RectificationCaseList { Cases = { overdue.Select(c => c.ToContract(today)) }, AsOf = Dates.Format(today) };
    }

    public override async Task<V1.Questionnaire> DefineQuestionnaire(V1.DefineQuestionnaireRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var questionnaire = await questionnaires.DefineAsync(request.ToCommand(IdempotencyKey.From(context, request.IdempotencyKey)),
            context.CancellationToken);
        return questionnaire.ToContract();
    }

    public override async Task<V1.Questionnaire> GetQuestionnaire(V1.GetQuestionnaireRequest request, ServerCallContext context) =>
        (await questionnaires.GetAsync(request.QuestionnaireId, context.CancellationToken)).ToContract();

    public override async Task<V1.QuestionnaireResponse> AnswerQuestionnaire(V1.AnswerQuestionnaireRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var response = await questionnaires.AnswerAsync(request.ToCommand(IdempotencyKey.From(context, request.IdempotencyKey)),
            context.CancellationToken);
        return response.ToContract();
    }

    public override async Task<V1.QuestionnaireResults> GetQuestionnaireResults(V1.GetQuestionnaireResultsRequest request, ServerCallContext context)
    {
        Window? window = request.Window == Common.V1.WindowType.Unspecified ? null : request.Window.RequireWindow("window");
        if (window is { } w) WindowTelemetry.Set(w);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var results = await questionnaires.ResultsAsync(request.QuestionnaireId, window, period, context.CancellationToken);
        return results.ToContract(window, period);
    }

    public override async Task<V1.Evaluator> AppointEvaluator(V1.AppointEvaluatorRequest request, ServerCallContext context)
    {
        var evaluator = await evaluators.AppointAsync(new AppointEvaluatorCommand(request.Name, request.Phone, request.Affiliation,
            request.TermStart, request.TermEnd, IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
        return evaluator.ToContract();
    }

    public override async Task<V1.EvaluatorList> ListEvaluators(V1.ListEvaluatorsRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var day = validator.Date(request.InTermOn, "in_term_on", required: false);
        validator.ThrowIfInvalid();
        var serving = await evaluators.ListInTermAsync(day, context.CancellationToken);
        return new V1.EvaluatorList
        {
            Evaluators = { serving.Select(e => e.ToContract()) },
            InTermOn = Dates.Format(day ?? rectifications.Today),
        };
    }

    public override async Task<V1.InspectionReport> SubmitInspectionReport(V1.SubmitInspectionReportRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var report = await evaluators.ReportAsync(new SubmitReportCommand(request.EvaluatorId, request.Window.ToDomain(), request.StaffId,
            request.VisitedOn, request.Score, request.Findings, IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
        return report.ToContract();
    }

    public override async Task<V1.InspectionReportList> ListInspectionReports(V1.ListInspectionReportsRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var reports = await evaluators.ListReportsAsync(window, request.StaffId, period, context.CancellationToken);
        return new V1.InspectionReportList
        {
            Reports = { reports.Select(r => r.ToContract()) },
            AverageScore = reports.Count == 0 ? 0 : reports.Average(r => r.Score),
        };
    }

    public override async Task<V1.AppraisalMeeting> RecordAppraisalMeeting(V1.RecordAppraisalMeetingRequest request, ServerCallContext context) =>
        (await meetings.RecordAsync(request.ToCommand(IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken))
            .ToContract();

    public override async Task<V1.AppraisalMeeting> GetAppraisalMeeting(V1.GetAppraisalMeetingRequest request, ServerCallContext context) =>
        (await meetings.GetAsync(request.MeetingId, context.CancellationToken)).ToContract();

    public override async Task<V1.AppraisalMeetingList> ListAppraisalMeetings(V1.ListAppraisalMeetingsRequest request, ServerCallContext context)
    {
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var held = await meetings.ListAsync(period, context.CancellationToken);
        return new V1.AppraisalMeetingList { Meetings = { held.Select(m => m.ToContract()) } };
    }

    public override async Task<V1.WindowStatistics> GetWindowStatistics(V1.GetWindowStatisticsRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        return (await statistics.ForWindowAsync(window, period, context.CancellationToken)).ToContract(period);
    }

    public override async Task<V1.PublishedStatistics> GetPublishedStatistics(V1.GetPublishedStatisticsRequest request, ServerCallContext context)
    {
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var figures = await statistics.ForAllWindowsAsync(period, context.CancellationToken);
        return new V1.PublishedStatistics
        {
            FromDate = ContractTranslation.Format(period.From),
            ToDate = ContractTranslation.Format(period.To),
            Windows = { figures.Select(f => f.ToContract(period)) },
        };
    }
}
