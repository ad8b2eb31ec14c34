using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain.Rules;

/// <summary>A marriage ends within its life: the death of a spouse, or the day a court decision took effect, is not after
/// today and not before the registration.</summary>
public static class EndWithinTheMarriage
{
    public static void Require(DateOnly date, MarriageRecord record, DateOnly today, string field)
    {
        if (date > today) throw new ValidationFailed(field, $"is after today ({Dates.Format(today)})");
        if (date < record.RegisteredOn) throw new ValidationFailed(field, $"is before the marriage was registered ({Dates.Format(record.RegisteredOn)})");
    }
}
