using System.Text.RegularExpressions;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Free text as the public may read it (DOMAIN.md: a public page never shows a full ID number, and masks names):
/// anything shaped like an ID number or a mobile number (also +86..., 138-0013-8000) masked; the names the service
/// knows (a named suggester's own) masked wherever they appear; and a name the writer gave in the text ("我叫张三",
/// "姓名：李四") masked too. Citizens type these into suggestions and replies; the stored text stays as written for the
/// office.
/// </summary>
public static partial class PublicText
{
    public static string Mask(string text, params IEnumerable<string?> knownNames)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var name in knownNames.Select(n => n?.Trim()).Where(n => n is { Length: > 0 } && n.EnumerateRunes().Count() >= 2).Distinct())
            text = text.Replace(name!, Masking.MaskName(name), StringComparison.Ordinal);
        text = GivenName().Replace(text, m => m.Groups["label"].Value + Masking.MaskName(m.Groups["name"].Value));
        return Masking.Redact(text);
    }

    /// <summary>A name introduced as one: 我叫 / 姓名 / 名字 / 联系人, then two or three Chinese characters.</summary>
    [GeneratedRegex(@"(?<label>(?:我叫|姓名|名字|联系人)[:：是为\s]*)(?<name>\p{IsCJKUnifiedIdeographs}{2,3})")]
    private static partial Regex GivenName();
}
