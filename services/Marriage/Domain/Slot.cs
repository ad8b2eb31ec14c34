using System.Globalization;

namespace CivilAffairs.Marriage.Domain;

/// <summary>A time slot of an office's day and how many couples it can take.</summary>
public sealed record Slot(string SlotId, string OfficeId, DateOnly Date, TimeOnly Start, TimeOnly End, int Capacity, int Booked)
{
    public int Remaining => Math.Max(0, Capacity - Booked);

    /// <summary>Readable and stable: <c>xicheng-1-20261212-0900</c>.</summary>
    public static string IdFor(string officeId, DateOnly date, TimeOnly start) =>
        string.Create(CultureInfo.InvariantCulture, $"{officeId}-{date:yyyyMMdd}-{start:HHmm}");
}
