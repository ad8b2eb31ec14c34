namespace CivilAffairs.StaffConduct.Domain.Rules;

/// <summary>A closed month stays as published: it is not closed a second time; a change is a correction, published as
/// a new version with its reason, and only a closed month can be corrected.</summary>
public static class ClosedMonthIsCorrectedNotClosedAgain
{
    public const string AlreadyClosed = "month-already-closed";
    public const string NotClosed = "month-not-closed";

    public static void CheckClosing(PublishedRanking? latest)
    {
        if (latest is not null)
            throw new RuleViolated(AlreadyClosed,
                $"{latest.Month} of {latest.Window} was closed (version {latest.Version}); publish a correction with its reason instead");
    }

    public static PublishedRanking CheckCorrecting(PublishedRanking? latest, Window window, Month month) =>
        latest ?? throw new RuleViolated(NotClosed, $"{month} of {window} is not closed: only a published month is corrected");
}
