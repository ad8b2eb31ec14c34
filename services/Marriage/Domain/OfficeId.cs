using System.Text.RegularExpressions;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>An office's identifier, e.g. <c>xicheng-1</c>: letters, digits, '-' and '_', at most 32.</summary>
public static partial class OfficeId
{
    public static string Parse(string? text, string field = "office_id")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required");
        var value = text.Trim();
        if (!Pattern().IsMatch(value)) throw new ValidationFailed(field, "must be 1 to 32 letters, digits, '-' or '_'");
        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex Pattern();
}
