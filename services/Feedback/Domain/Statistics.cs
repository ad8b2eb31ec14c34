using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The published results per window and period: satisfaction, rectification, and appraisal meeting scores.</summary>
public sealed class Statistics(IRatingStore ratings, IRectificationStore rectifications, IAppraisalStore appraisals, OfficeClock clock)
{
    public async Task<WindowFigures> ForWindowAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var satisfaction = await ratings.CountByLevelAsync(new RatingScope.OfWindow(window), period, cancellationToken);
        var cases = await rectifications.CountAsync(new RatingScope.OfWindow(window), period, clock.Today, cancellationToken);
        var appraisal = await appraisals.ScoreOfAsync(window, period, cancellationToken);
        return new WindowFigures(window, satisfaction, cases, appraisal);
    }

    /// <summary>A staff member's figures, for staff-conduct's monthly performance and the public wall.</summary>
    public async Task<(SatisfactionFigures Satisfaction, RectificationFigures Rectification)> ForStaffAsync(string staffId, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var scope = new RatingScope.OfStaff(staffId);
        var satisfaction = await ratings.CountByLevelAsync(scope, period, cancellationToken);
        var cases = await rectifications.CountAsync(scope, period, clock.Today, cancellationToken);
        return (satisfaction, cases);
    }

    public async Task<IReadOnlyList<WindowFigures>> ForAllWindowsAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var figures = new List<WindowFigures>();
        foreach (var window in Enum.GetValues<Window>().Where(w => w.IsDefined()))
            figures.Add(await ForWindowAsync(window, period, cancellationToken));
        return figures;
    }
}

public sealed record WindowFigures(Window Window, SatisfactionFigures Satisfaction, RectificationFigures Rectification, AppraisalFigures Appraisal);
