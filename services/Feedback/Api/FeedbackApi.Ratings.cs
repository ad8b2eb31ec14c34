using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Feedback.Api;

/// <summary>Invitations, ratings and the satisfaction figures they add up to.</summary>
public sealed partial class FeedbackApi
{
    public override async Task<V1.Invitation> CreateInvitation(V1.CreateInvitationRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var invitation = await invitations.CreateAsync(new CreateInvitationCommand(window, request.StaffId, request.ServiceReference,
            (int)request.Channel), context.CancellationToken);
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
            request.Window.ToDomain(), request.StaffId, request.ServiceReference), context.CancellationToken);
        WindowTelemetry.Set(rating.Window);
        return rating.ToContract();
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
            WithdrawnOnAppeal = summary.WithdrawnOnAppeal,
        };
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

    public override async Task<V1.SatisfactionTrend> GetSatisfactionTrend(V1.GetSatisfactionTrendRequest request, ServerCallContext context)
    {
        var staffId = TextRules.Clean(request.StaffId);
        var window = request.Window.ToDomain();
        if ((staffId is null) == (window == Window.Unspecified))
            throw new ValidationFailed(staffId is null ? "window" : "staff_id", "give either a window or a staff member, not both");
        RatingScope scope = staffId is null ? new RatingScope.OfWindow(request.Window.RequireWindow("window")) : new RatingScope.OfStaff(staffId);
        WindowTelemetry.Set(window);
        var months = await statistics.TrendAsync(scope, ReportingPeriod.Parse(request.FromDate, request.ToDate), context.CancellationToken);
        return new V1.SatisfactionTrend
        {
            Window = request.Window,
            StaffId = staffId ?? "",
            Months =
            {
                months.Select(m => new V1.MonthSatisfaction
                {
                    Month = m.Month, Total = m.Figures.Total, Counts = { m.Figures.LevelCounts() }, SatisfactionRate = m.Figures.SatisfactionRate,
                }),
            },
        };
    }

    public override async Task<V1.StaffRanking> RankStaffSatisfaction(V1.RankStaffSatisfactionRequest request, ServerCallContext context)
    {
        var window = request.Window.RequireWindow("window");
        WindowTelemetry.Set(window);
        var period = ReportingPeriod.Parse(request.FromDate, request.ToDate);
        var ranked = await statistics.RankStaffAsync(window, period, context.CancellationToken);
        return new V1.StaffRanking
        {
            Window = request.Window,
            FromDate = ContractTranslation.Format(period.From),
            ToDate = ContractTranslation.Format(period.To),
            Staff =
            {
                ranked.Select((s, i) => new V1.RankedStaff
                {
                    Rank = i + 1, StaffId = s.StaffId, Total = s.Figures.Total, SatisfactionRate = s.Figures.SatisfactionRate,
                }),
            },
        };
    }
}
