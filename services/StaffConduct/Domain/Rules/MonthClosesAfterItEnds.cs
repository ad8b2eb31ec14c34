namespace CivilAffairs.StaffConduct.Domain.Rules;

/// <summary>A month is closed (its ranking and titles published for good) only once it has ended: its figures are still
/// coming in until then.</summary>
public static class MonthClosesAfterItEnds
{
    public const string Rule = "month-not-ended";

    public static void Check(Month month, DateOnly today)
    {
        if (month.Last >= today)
            throw new RuleViolated(Rule, $"{month} can be closed from {Dates.Format(month.Last.AddDays(1))}: the month has not ended");
    }
}
