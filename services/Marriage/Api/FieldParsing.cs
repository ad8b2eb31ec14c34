using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Api;

/// <summary>Collects every bad field of a request before refusing it, so a caller hears of all of them at once.</summary>
internal static class FieldParsing
{
    public static T Try<T>(this Validator validator, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) validator.Add(violation.Field, violation.Description);
            return default!;
        }
    }

    public static string Required(this Validator validator, string? value, string field, int maxLength = 64)
    {
        var trimmed = value?.Trim() ?? "";
        validator.Require(trimmed.Length > 0, field, "is required");
        validator.Require(trimmed.Length <= maxLength, field, $"must be at most {maxLength} characters");
        validator.Require(!trimmed.Any(char.IsControl), field, "must not contain control characters");
        return trimmed;
    }

    /// <summary>An ID number as a caller gives it; a birth date after <paramref name="today"/> (the office's) is refused.</summary>
    public static string IdNumber(this Validator validator, string? value, string field, DateOnly today)
    {
        if (ResidentIdNumber.TryParse(value, out var number, out var error, today)) return number!.Value;
        validator.Add(field, $"the resident ID number {error}");
        return "";
    }

    public static string? Optional(this Validator validator, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        validator.Require(trimmed.Length <= maxLength, field, $"must be at most {maxLength} characters");
        return trimmed;
    }
}
