using System.Text.RegularExpressions;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>One of the two people who marry: name, resident ID number and a mobile number to reach them.</summary>
public sealed partial record Party(string Name, ResidentIdNumber IdNumber, string Phone)
{
    public const int MaxNameLength = 50;

    /// <summary>Validates a party as sent by a caller; every problem is named with <paramref name="field"/> as prefix. A birth
    /// date after <paramref name="today"/> (the office's) is refused.</summary>
    public static Party Parse(string? name, string? idNumber, string? phone, string field, Validator validator, DateOnly today)
    {
        var trimmedName = name?.Trim() ?? "";
        validator.Require(trimmedName.Length > 0, $"{field}.name", "is required");
        validator.Require(trimmedName.Length <= MaxNameLength, $"{field}.name", $"must be at most {MaxNameLength} characters");
        validator.Require(!trimmedName.Any(char.IsControl), $"{field}.name", "must not contain control characters");
        if (!ResidentIdNumber.TryParse(idNumber, out var number, out var error, today))
            validator.Add($"{field}.id_number", $"the resident ID number {error}");
        var trimmedPhone = phone?.Trim() ?? "";
        validator.Require(MobilePattern().IsMatch(trimmedPhone), $"{field}.phone", "must be an 11-digit mainland mobile number");
        return new Party(trimmedName, number!, trimmedPhone);
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
