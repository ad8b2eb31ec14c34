using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>The feedback gRPC service (REST under /api/feedback/v1 by transcoding). Translation only; every span of a
/// call is tagged with the window rated or concerned.</summary>
public sealed class FeedbackApi(Ratings ratings, SuggestionBox suggestionBox) : V1.Feedback.FeedbackBase
{
    public override async Task<V1.Rating> RateService(V1.RateServiceRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var rating = await ratings.RateAsync(new RateServiceCommand(
            window, request.StaffId, request.ServiceReference, (int)request.Level, request.Comment, (int)request.Channel,
            IdempotencyKey.From(context, request.IdempotencyKey)), context.CancellationToken);
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

    public override async Task<V1.SatisfactionSummary> GetSatisfactionSummary(V1.GetSatisfactionSummaryRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var figures = await ratings.SummaryAsync(new RatingScope.OfWindow(window), period, context.CancellationToken);
        return new V1.SatisfactionSummary
        {
            Window = window.ToContract(),
            Total = figures.Total,
            Counts = { figures.LevelCounts() },
            SatisfactionRate = figures.SatisfactionRate,
            FromDate = ContractTranslation.Format(period.From),
            ToDate = ContractTranslation.Format(period.To),
        };
    }

    public override async Task<V1.StaffSatisfaction> GetStaffSatisfaction(V1.GetStaffSatisfactionRequest request, ServerCallContext context)
    {
        var staffId = TextRules.Clean(request.StaffId) ?? throw new ValidationFailed("staff_id", "is required");
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var figures = await ratings.SummaryAsync(new RatingScope.OfStaff(staffId), period, context.CancellationToken);
        return new V1.StaffSatisfaction
        {
            StaffId = staffId,
            Total = figures.Total,
            Counts = { figures.LevelCounts() },
            SatisfactionRate = figures.SatisfactionRate,
            FromDate = ContractTranslation.Format(period.From),
            ToDate = ContractTranslation.Format(period.To),
        };
    }
}
