using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>Rectification cases: their steps and the overdue list.</summary>
public sealed partial class FeedbackApi
{
    public override async Task<V1.RectificationCase> GetRectificationCase(V1.GetRectificationCaseRequest request, ServerCallContext context)
    {
        var found = await rectifications.GetAsync(request.CaseId, context.CancellationToken);
        WindowTelemetry.Set(found.Window);
        return found.ToContract(rectifications.Today, PublicReaders.IsPublic(context));
    }

    public override async Task<V1.RectificationCase> RecordRectificationStep(V1.RecordRectificationStepRequest request, ServerCallContext context)
    {
        var updated = await rectifications.RecordStepAsync(new RecordStepCommand(request.CaseId, (int)request.Action, request.HandledBy,
            request.Note, request.CitizenSatisfied, request.ExpectedVersion), context.CancellationToken);
        WindowTelemetry.Set(updated.Window);
        return updated.ToContract(rectifications.Today);
    }

    public override async Task<V1.RectificationCaseList> ListOverdueRectifications(V1.ListOverdueRectificationsRequest request, ServerCallContext context)
    {
        Window? window = request.Window == Common.V1.WindowType.Unspecified ? null : request.Window.RequireWindow("window");
        if (window is { } w) WindowTelemetry.Set(w);
        var today = rectifications.Today;
        var overdue = await rectifications.ListOverdueAsync(window, request.Limit, context.CancellationToken);
        return new V1.RectificationCaseList { Cases = { overdue.Select(c => c.ToContract(today, PublicReaders.IsPublic(context))) }, AsOf = Dates.Format(today) };
    }

    public override async Task<V1.RectificationCaseList> ListRectifications(V1.ListRectificationsRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var today = rectifications.Today;
        var cases = await rectifications.ListAsync(window, ReportingPeriod.Parse(request.FromDate, request.ToDate), context.CancellationToken);
        return new V1.RectificationCaseList { Cases = { cases.Select(c => c.ToContract(today, PublicReaders.IsPublic(context))) }, AsOf = Dates.Format(today) };
    }
}
