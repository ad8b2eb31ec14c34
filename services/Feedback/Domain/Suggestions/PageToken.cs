using System.Globalization;
using System.Text;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The opaque token that continues a newest-first list after its last item (time and id).</summary>
public static class PageToken
{
    public static string Of(SuggestionCursor cursor) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cursor.SubmittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{cursor.Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static SuggestionCursor? Parse(string? token, string field)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var base64 = token.Trim().Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|', 2);
            var ticks = long.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
            return new SuggestionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        }
        catch (Exception error) when (error is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ValidationFailed(field, "is not a token this list gave out; start again without it");
        }
    }
}
