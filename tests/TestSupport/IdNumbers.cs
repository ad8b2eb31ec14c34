using System.Globalization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.TestSupport;

/// <summary>Makes valid resident ID numbers (GB 11643-1999) for tests: real check characters, chosen birth date and sex.</summary>
public static class IdNumbers
{
    private static int _sequence;

    /// <summary>A valid number for someone born on <paramref name="birthDate"/>; each call gives a different person.</summary>
    public static string Make(DateOnly birthDate, Sex sex, string addressCode = "110105")
    {
        var n = Interlocked.Increment(ref _sequence);
        // Sequence 001..999, parity decides sex; the address code varies too so thousands of people stay distinct.
        var sequence = (n % 499) * 2 + (sex == Sex.Male ? 1 : 2);
        var address = addressCode;
        if (n >= 499) address = (int.Parse(addressCode, CultureInfo.InvariantCulture) + n / 499).ToString("D6", CultureInfo.InvariantCulture);
        var first17 = $"{address}{birthDate:yyyyMMdd}{sequence:D3}";
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    public static string Man(int age = 30, DateOnly? on = null) =>
        Make((on ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddYears(-age).AddDays(-1), Sex.Male);

    public static string Woman(int age = 28, DateOnly? on = null) =>
        Make((on ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddYears(-age).AddDays(-1), Sex.Female);

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string valid)
    {
        var right = valid[17];
        var wrong = right == '0' ? '1' : right == 'X' ? '0' : right == '9' ? 'X' : (char)(right + 1);
        return valid[..17] + wrong;
    }
}
