using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The published results per window and period: satisfaction, rectification, and appraisal meeting scores.</summary>
public sealed class Statistics(IRatingStore ratings, IRectificationStore rectifications, IAppraisalStore appraisals, OfficeClock clock)
{
    public async Task<WindowFigures> ForWindowAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var satisfaction = await ratings.CountByLevelAsync(new RatingScope.OfWindow(window), period, cancellationToken);
        var cases = await rectifications.CountAsync(window, period, clock.Today, cancellationToken);
        var appraisal = await appraisals.ScoreOfAsync(window, period, cancellationToken);
        return new WindowFigures(window, satisfaction, cases, appraisal);
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
