using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>Questionnaires, conduct evaluators and appraisal meetings: the other ways the public judges the windows.</summary>
public sealed partial class FeedbackApi
{
    public override async Task<V1.Questionnaire> DefineQuestionnaire(V1.DefineQuestionnaireRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var questionnaire = await questionnaires.DefineAsync(request.ToCommand(), context.CancellationToken);
        return questionnaire.ToContract();
    }

    public override async Task<V1.Questionnaire> GetQuestionnaire(V1.GetQuestionnaireRequest request, ServerCallContext context) =>
        (await questionnaires.GetAsync(request.QuestionnaireId, context.CancellationToken)).ToContract();

    public override async Task<V1.QuestionnaireResponse> AnswerQuestionnaire(V1.AnswerQuestionnaireRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var response = await questionnaires.AnswerAsync(request.ToCommand(), context.CancellationToken);
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
            request.TermStart, request.TermEnd), context.CancellationToken);
        return evaluator.ToContract();
    }

    public override async Task<V1.EvaluatorList> ListEvaluators(V1.ListEvaluatorsRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var day = validator.Date(request.InTermOn, "in_term_on", required: false);
        validator.ThrowIfInvalid();
        var (on, serving) = await evaluators.ListInTermAsync(day, context.CancellationToken);
        return new V1.EvaluatorList { Evaluators = { serving.Select(e => e.ToContract()) }, InTermOn = Dates.Format(on) };
    }

    public override async Task<V1.InspectionReport> SubmitInspectionReport(V1.SubmitInspectionReportRequest request, ServerCallContext context)
    {
        WindowTelemetry.Set(request.Window.ToDomain());
        var report = await evaluators.ReportAsync(new SubmitReportCommand(request.EvaluatorId, request.Window.ToDomain(), request.StaffId,
            request.VisitedOn, request.Score, request.Findings), context.CancellationToken);
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
            Reports = { reports.Select(r => r.ToContract(PublicReaders.IsPublic(context))) },
            AverageScore = reports.Count == 0 ? 0 : reports.Average(r => r.Score),
        };
    }

    public override async Task<V1.AppraisalMeeting> RecordAppraisalMeeting(V1.RecordAppraisalMeetingRequest request, ServerCallContext context) =>
        (await meetings.RecordAsync(request.ToCommand(), context.CancellationToken)).ToContract();

    public override async Task<V1.AppraisalMeeting> GetAppraisalMeeting(V1.GetAppraisalMeetingRequest request, ServerCallContext context) =>
        (await meetings.GetAsync(request.MeetingId, context.CancellationToken)).ToContract(PublicReaders.IsPublic(context));

    public override async Task<V1.AppraisalMeetingList> ListAppraisalMeetings(V1.ListAppraisalMeetingsRequest request, ServerCallContext context)
    {
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var held = await meetings.ListAsync(period, context.CancellationToken);
        return new V1.AppraisalMeetingList { Meetings = { held.Select(m => m.ToContract(PublicReaders.IsPublic(context))) } };
    }
}
