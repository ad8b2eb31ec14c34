using System.Text;
using System.Text.RegularExpressions;

namespace CivilAffairs.SharedKernel;

/// <summary>How names, ID numbers and phone numbers appear on public pages and in telemetry (DOMAIN.md).</summary>
public static partial class Masking
{
    /// <summary>110105********002X: the first 6 and the last 4 kept, the rest starred.</summary>
    public static string MaskIdNumber(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber)) return "";
        if (idNumber.Length <= 10) return new string('*', idNumber.Length);
        return string.Concat(idNumber.AsSpan(0, 6), new string('*', idNumber.Length - 10), idNumber.AsSpan(idNumber.Length - 4));
    }

    /// <summary>张*明 for three characters, 李* for two, 欧**华 for four: first and last kept when there are three or more.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var runes = name.Trim().EnumerateRunes().ToArray();
        if (runes.Length == 1) return "*";
        var builder = new StringBuilder();
        builder.Append(runes[0].ToString());
        if (runes.Length == 2) return builder.Append('*').ToString();
        builder.Append('*', runes.Length - 2);
        builder.Append(runes[^1].ToString());
        return builder.ToString();
    }

    /// <summary>138****5678: the first 3 and the last 4 digits kept.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var p = phone.Trim();
        if (p.Length <= 7) return new string('*', p.Length);
        return string.Concat(p.AsSpan(0, 3), new string('*', p.Length - 7), p.AsSpan(p.Length - 4));
    }

    /// <summary>
    /// Replaces anything shaped like a resident ID number (18 characters, or the 15 digits of the first generation) or
    /// a mainland mobile number (also written +86 138 0013 8000, 0086-13800138000, 138-0013-8000) in free text with
    /// its masked form. A last line of defence for telemetry and public text; the code should never put them there.
    /// </summary>
    public static string Redact(string text)
    {
        if (!HasDigits(text, 11)) return text;
        var redacted = IdNumberPattern().Replace(text, m => MaskIdNumber(m.Value));
        return MobilePattern().Replace(redacted, m => MaskPhone(m.Value));
    }

    /// <summary>True when the text holds something shaped like a full ID number or a mobile number.</summary>
    public static bool ContainsSensitiveNumber(string text) =>
        HasDigits(text, 11) && (IdNumberPattern().IsMatch(text) || MobilePattern().IsMatch(text));

    // Both shapes hold at least 11 digits, most text on a span or a log line (routes, methods, record ids) far fewer:
    // counting them spares every such tag two regular expressions.
    private static bool HasDigits(string text, int count)
    {
        if (text.Length < count) return false;
        foreach (var c in text)
            if (char.IsAsciiDigit(c) && --count == 0) return true;
        return false;
    }

    [GeneratedRegex(@"(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9Xx])")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9+])(?:(?:\+|00)86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")]
    private static partial Regex MobilePattern();
}
