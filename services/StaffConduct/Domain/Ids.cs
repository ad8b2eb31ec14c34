namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Identifiers of records: opaque, unguessable, safe in a URL path.</summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString("N");
}
