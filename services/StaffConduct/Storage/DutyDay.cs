using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>A staff member's duty records of one day, in the order they were made; the last one counts.</summary>
public sealed record DutyDay(string Id, IReadOnlyList<DutyRecord> Records)
{
    public static string IdOf(string staffId, DateOnly date) => $"{staffId}|{Dates.Format(date)}";
}
