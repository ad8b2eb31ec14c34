using CivilAffairs.StaffConduct.Domain.Rules;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// Closing a window's month publishes its ranking and titles for good (version 1); a later rating, inspection or case
/// report no longer changes them. A correction recomputes the month from the figures as they are then and publishes
/// the next version with its reason; every earlier version stays readable.
/// </summary>
public sealed class MonthClosing(MonthlyRankingQuery rankings, IPublishedRankings published, BureauClock clock)
{
    public const int MaxReason = 1000;

    public async Task<MonthlyRanking> CloseAsync(Window window, string? monthText, string? closedBy, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var month = rankings.ParseMonth(window, monthText, v);
        var by = Text.Require(closedBy, "closed_by", Text.MaxLine, v);
        v.ThrowIfInvalid();

        MonthClosesAfterItEnds.Check(month, clock.Today);
        ClosedMonthIsCorrectedNotClosedAgain.CheckClosing(await published.LatestAsync(window, month, cancellationToken));
        var ranking = await rankings.ComputeAsync(window, month, office: null, cancellationToken);
        OnlyACompleteRankingIsPublished.Check(ranking);
        return await PublishAsync(new PublishedRanking(window, month, 1, "month closed", by, clock.Now, ranking), cancellationToken);
    }

    public async Task<MonthlyRanking> CorrectAsync(Window window, string? monthText, string? reason, string? correctedBy,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var month = rankings.ParseMonth(window, monthText, v);
        var why = Text.Require(reason, "reason", MaxReason, v);
        var by = Text.Require(correctedBy, "corrected_by", Text.MaxLine, v);
        v.ThrowIfInvalid();

        var latest = ClosedMonthIsCorrectedNotClosedAgain.CheckCorrecting(await published.LatestAsync(window, month, cancellationToken), window, month);
        var ranking = await rankings.ComputeAsync(window, month, office: null, cancellationToken);
        OnlyACompleteRankingIsPublished.Check(ranking);
        return await PublishAsync(new PublishedRanking(window, month, latest.Version + 1, why, by, clock.Now, ranking), cancellationToken);
    }

    private async Task<MonthlyRanking> PublishAsync(PublishedRanking version, CancellationToken cancellationToken)
    {
        // Two editors at once: the second meets the version the first published and is told to read it first.
        if (!await published.AddAsync(version, cancellationToken))
            throw new RuleViolated(version.Version == 1 ? ClosedMonthIsCorrectedNotClosedAgain.AlreadyClosed : "ranking-version-published",
                $"version {version.Version} of {version.Month} of {version.Window} was just published by someone else; read it first");
        return version.AsRead(version.Version);
    }
}
