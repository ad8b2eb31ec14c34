namespace CivilAffairs.Marriage.Domain;

public enum DivorcePhase { CoolingOff, AwaitingRegistration, Expired }

/// <summary>
/// The divorce cooling-off timeline (Civil Code Art. 1077): day 0 is the day the office accepts. Days 0-30 either
/// party alone may withdraw; days 31-60 both must come back to register; after day 60 the application is deemed
/// withdrawn.
/// </summary>
public static class CoolingOffPeriod
{
    public const int LastWithdrawalDay = 30;
    public const int FirstRegistrationDay = 31;
    public const int LastRegistrationDay = 60;

    public static int DayOf(DateOnly acceptedOn, DateOnly today) => today.DayNumber - acceptedOn.DayNumber;

    public static DivorcePhase PhaseOn(DateOnly acceptedOn, DateOnly today) => DayOf(acceptedOn, today) switch
    {
        <= LastWithdrawalDay => DivorcePhase.CoolingOff,
        <= LastRegistrationDay => DivorcePhase.AwaitingRegistration,
        _ => DivorcePhase.Expired,
    };

    public static DateOnly WithdrawalDeadline(DateOnly acceptedOn) => acceptedOn.AddDays(LastWithdrawalDay);
    public static DateOnly RegistrationOpensOn(DateOnly acceptedOn) => acceptedOn.AddDays(FirstRegistrationDay);
    public static DateOnly RegistrationDeadline(DateOnly acceptedOn) => acceptedOn.AddDays(LastRegistrationDay);
}
