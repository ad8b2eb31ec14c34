namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>
/// One published version of a service item. Versions are only ever added: the version in force on a day is the
/// latest one effective on or before it, so what was published stays readable by date.
/// </summary>
public sealed record ServiceItemVersion(
    string ItemId,
    Window Window,
    string OfficeId,
    int Version,
    DateOnly EffectiveFrom,
    ServiceItemContent Content,
    DateTimeOffset PublishedAt,
    string PublishedBy)
{
    /// <summary>The version of one item in force on <paramref name="day"/>, or null before its first version.</summary>
    public static ServiceItemVersion? InForce(IEnumerable<ServiceItemVersion> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).LastOrDefault();
}
