using System.Globalization;

namespace CivilAffairs.SharedKernel;

public enum Sex { Male, Female }

/// <summary>
/// A resident identity number (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence
/// (odd = male, even = female) and a check character. Only a valid number can be constructed.
/// <see cref="ToString"/> gives the masked form, so a full number cannot reach a log line by accident;
/// <see cref="Value"/> is the full number, for storage and exact matching only.
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex { get; }
    public string AddressCode => Value[..6];

    private ResidentIdNumber(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    /// <summary>The province-level codes a number can start with (GB/T 2260; 81-83: residence permits of Hong Kong,
    /// Macao and Taiwan residents).</summary>
    public static bool IsProvinceCode(int code) => code is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37)
        or (>= 41 and <= 46) or (>= 50 and <= 54) or (>= 61 and <= 65) or 81 or 82 or 83;

    /// <summary>Parses a number, or says in words a clerk can read why it is not valid (never echoing it). With
    /// <paramref name="today"/>, a birth date after it is refused too (a number being taken now, not one read back).</summary>
    public static bool TryParse(string? text, out ResidentIdNumber? number, out string error, DateOnly? today = null)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is required";
            return false;
        }
        var value = text.Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            error = $"must have 18 characters, not {value.Length}";
            return false;
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = $"character {i + 1} must be a digit";
                return false;
            }
        }
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            error = "the check character must be a digit or X";
            return false;
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var birthDate))
        {
            error = "holds a birth date that does not exist";
            return false;
        }
        if (birthDate.Year < 1900 || birthDate > today)
        {
            error = birthDate.Year < 1900 ? "holds a birth date before 1900" : "holds a birth date in the future";
            return false;
        }
        if (!IsProvinceCode((value[0] - '0') * 10 + (value[1] - '0')))
        {
            error = "does not start with a province code that exists";
            return false;
        }
        var expected = CheckCharacterOf(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            error = "has a wrong check character";
            return false;
        }
        var sequence = value[16] - '0';
        number = new ResidentIdNumber(value, birthDate, sequence % 2 == 1 ? Sex.Male : Sex.Female);
        error = "";
        return true;
    }

    /// <summary>Parses or throws a <see cref="ValidationFailed"/> naming <paramref name="field"/>; numbers taken from a
    /// caller pass <paramref name="today"/> so a birth date in the future is refused.</summary>
    public static ResidentIdNumber Parse(string? text, string field, DateOnly? today = null) =>
        TryParse(text, out var number, out var error, today) ? number! : throw new ValidationFailed(field, $"the resident ID number {error}");

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Whole years of age on <paramref name="date"/> (a birthday counts on its day; 29 Feb on 1 Mar).</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        var leapDayInCommonYear = BirthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(date.Year);
        var birthday = leapDayInCommonYear ? new DateOnly(date.Year, 3, 1) : new DateOnly(date.Year, BirthDate.Month, BirthDate.Day);
        if (date < birthday) age--;
        return age;
    }

    public string Masked => Masking.MaskIdNumber(Value);

    public override string ToString() => Masked;
    public bool Equals(ResidentIdNumber? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
