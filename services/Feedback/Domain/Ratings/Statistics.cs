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

    public const int MaxTrendMonths = 120;

    /// <summary>The staff of a window ranked by satisfaction rate (then by how many rated them), for the monthly
    /// rankings of the three comparisons (三比).</summary>
    public async Task<IReadOnlyList<StaffFigures>> RankStaffAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var counts = await ratings.CountByStaffAndLevelAsync(window, period, cancellationToken);
        return counts.GroupBy(c => c.StaffId)
            .Select(g => new StaffFigures(g.Key, new SatisfactionFigures(g.Select(c => KeyValuePair.Create(c.Level, c.Count)))))
            .OrderByDescending(s => s.Figures.SatisfactionRate).ThenByDescending(s => s.Figures.Total).ThenBy(s => s.StaffId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Month by month satisfaction of a window or staff member. With both ends given, every month between
    /// is listed (zeros included); otherwise the months that have ratings.</summary>
    public async Task<IReadOnlyList<MonthFigures>> TrendAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        if (period.From is { } from && period.To is { } to && (to.Year - from.Year) * 12 + to.Month - from.Month >= MaxTrendMonths)
            throw new ValidationFailed("to_date", $"a trend covers at most {MaxTrendMonths} months");
        var counts = await ratings.CountByMonthAndLevelAsync(scope, period, cancellationToken);
        var months = counts.Select(c => c.Month).ToHashSet();
        if (period.From is { } first && period.To is { } last)
        {
            // Counted, not stepped past the last month: a period ending in December 9999 has no month after it.
            var start = new DateOnly(first.Year, first.Month, 1);
            var count = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
            for (var i = 0; i < count; i++)
                months.Add(start.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
        return months.Order(StringComparer.Ordinal)
            .Select(m => new MonthFigures(m, new SatisfactionFigures(counts.Where(c => c.Month == m).Select(c => KeyValuePair.Create(c.Level, c.Count)))))
            .ToList();
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
