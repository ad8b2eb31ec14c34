using System.Text.RegularExpressions;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// What a staff member shows the public (亮身份, 亮职责): name, badge, photo, the window and office they serve,
/// their post and duties, party membership. Only a valid profile can be built.
/// </summary>
public sealed partial record StaffProfile(
    string Name,
    string BadgeNumber,
    string PhotoUrl,
    Window Window,
    string OfficeId,
    string Post,
    IReadOnlyList<string> Duties,
    bool PartyMember)
{
    public const int MaxNameLength = 50;
    public const int MaxTextLength = 200;
    public const int MaxDuties = 20;

    /// <summary>Checks every field and reports all violations at once, with the contract's field names.</summary>
    public static StaffProfile Create(string? name, string? badgeNumber, string? photoUrl, Window window,
        string? officeId, string? post, IEnumerable<string>? duties, bool partyMember)
    {
        var v = new Validator();
        var cleanName = (name ?? "").Trim();
        v.Require(cleanName.Length > 0, "name", "is required");
        v.Require(cleanName.Length <= MaxNameLength, "name", $"must be at most {MaxNameLength} characters");
        var badge = (badgeNumber ?? "").Trim();
        v.Require(badge.Length > 0, "badge_number", "is required");
        v.Require(badge.Length == 0 || BadgePattern().IsMatch(badge), "badge_number",
            "must be 1 to 32 letters, digits or '-'");
        var photo = (photoUrl ?? "").Trim();
        v.Require(photo.Length > 0, "photo_url", "is required (亮身份 shows a photo)");
        v.Require(photo.Length == 0 || IsAcceptedPhotoUrl(photo), "photo_url",
            "must be an http(s) URL or a relative path such as photos/a001.jpg");
        v.Require(window.IsDefined(), "window", "must be one of the ten window types");
        var office = (officeId ?? "").Trim();
        v.Require(office.Length > 0, "office_id", "is required");
        v.Require(office.Length <= 64, "office_id", "must be at most 64 characters");
        var cleanPost = (post ?? "").Trim();
        v.Require(cleanPost.Length > 0, "post", "is required");
        v.Require(cleanPost.Length <= MaxNameLength, "post", $"must be at most {MaxNameLength} characters");
        var cleanDuties = (duties ?? []).Select(d => (d ?? "").Trim()).ToList();
        v.Require(cleanDuties.Count <= MaxDuties, "duties", $"must list at most {MaxDuties} duties");
        for (var i = 0; i < cleanDuties.Count; i++)
        {
            v.Require(cleanDuties[i].Length > 0, $"duties[{i}]", "must not be empty");
            v.Require(cleanDuties[i].Length <= MaxTextLength, $"duties[{i}]", $"must be at most {MaxTextLength} characters");
        }
        v.ThrowIfInvalid();
        return new StaffProfile(cleanName, badge, photo, window, office, cleanPost, cleanDuties, partyMember);
    }

    /// <summary>
    /// A photo shown on a public wall: an absolute http(s) address, or a path relative to the bureau's own site.
    /// Other schemes (javascript:, data:, file:) and protocol-relative addresses (//host) are refused.
    /// </summary>
    public static bool IsAcceptedPhotoUrl(string text)
    {
        if (text.Any(char.IsWhiteSpace) || text.Length > 500) return false;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !text.StartsWith('/'))
            return (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) && absolute.Host.Length > 0;
        if (text.StartsWith("//", StringComparison.Ordinal) || text.Contains('\\')) return false;
        var firstSlash = text.IndexOf('/');
        var colon = text.IndexOf(':');
        return colon < 0 || (firstSlash >= 0 && colon > firstSlash);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex BadgePattern();
}
