using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

public enum DivorcePhase { CoolingOff, AwaitingRegistration, Expired }

/// <summary>The dates of one application: the last day either party may withdraw alone, the first and the last day both
/// may come back to register.</summary>
public sealed record DivorceTimeline(DateOnly AcceptedOn, DateOnly WithdrawalDeadline, DateOnly RegistrationOpensOn, DateOnly RegistrationDeadline)
{
    public DivorcePhase PhaseOn(DateOnly today) =>
        today <= WithdrawalDeadline ? DivorcePhase.CoolingOff
        : today <= RegistrationDeadline ? DivorcePhase.AwaitingRegistration
        : DivorcePhase.Expired;
}

/// <summary>
/// The divorce cooling-off timeline (Civil Code Art. 1077): day 0 is the day the office accepts. For 30 calendar days
/// either party alone may withdraw; then for 30 more both must come back to register; after that the application is
/// deemed withdrawn. A period whose last day is a weekend or public holiday ends on the next working day of the official
/// calendar, and the second period is counted from the end of the first (<see cref="PeriodEndsOnAWorkingDay"/>).
/// </summary>
public sealed class CoolingOffPeriod(WorkingDayCalendar calendar)
{
    public const int PeriodDays = 30;

    private readonly PeriodEndsOnAWorkingDay _end = new(calendar);

    /// <summary>Days since acceptance (day 0), in calendar days.</summary>
    public static int DayOf(DateOnly acceptedOn, DateOnly today) => today.DayNumber - acceptedOn.DayNumber;

    public DivorceTimeline For(DateOnly acceptedOn)
    {
        var withdrawal = _end.LastDayOf(acceptedOn, PeriodDays);
        return new DivorceTimeline(acceptedOn, withdrawal, withdrawal.AddDays(1), _end.LastDayOf(withdrawal, PeriodDays));
    }

    public DivorcePhase PhaseOn(DateOnly acceptedOn, DateOnly today) => For(acceptedOn).PhaseOn(today);
}
