using System.Globalization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Checks on free text: required or not, and a length in characters as a reader counts them (汉字 count one).</summary>
public static class TextRules
{
    public static int Length(string? text) => text is null ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>Trims; null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static Validator RequireText(this Validator validator, string? text, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return validator.Add(field, "is required");
        return validator.LimitText(text, field, maxLength);
    }

    public static Validator LimitText(this Validator validator, string? text, string field, int maxLength) =>
        validator.Require(Length(text?.Trim()) <= maxLength, field, $"must be at most {maxLength} characters");
}
