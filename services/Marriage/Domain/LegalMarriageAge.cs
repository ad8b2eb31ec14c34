using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>Civil Code Art. 1047: a man may marry from 22, a woman from 20, judged on the registration date.</summary>
public static class LegalMarriageAge
{
    public const int Man = 22;
    public const int Woman = 20;

    public static int For(Sex sex) => sex == Sex.Male ? Man : Woman;

    public static bool IsReachedOn(ResidentIdNumber person, DateOnly date) => person.AgeOn(date) >= For(person.Sex);
}
