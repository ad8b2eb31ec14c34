using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain.Rules;

/// <summary>A marriage ends once: a death, a court's divorce or a declaration of nullity for a marriage that has already
/// ended is refused, and nothing is written.</summary>
public static class MarriageEndsOnce
{
    public const string Rule = "marriage-already-ended";

    public static void Require(MarriageRecord record)
    {
        if (!record.Stands)
            throw new RuleViolated(Rule, record.Ending is { } ending
                ? $"this marriage already ended ({record.StatusInWords}, {Dates.Format(ending.EffectiveOn)})"
                : $"this marriage already ended ({record.StatusInWords})");
    }
}
