using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// An office's opened day: its slots, how many windows serve, whether only booked couples are served
/// ("no appointment, no service") and whether the day is closed (no-shows recorded).
/// </summary>
public sealed record CalendarDay(string OfficeId, DateOnly Date, bool AppointmentOnly, IReadOnlyList<Slot> Slots, int Windows = 0, bool Closed = false);

/// <summary>What an operator asks for when opening a day or adding slots.</summary>
public sealed record SlotSpecification(TimeOnly Start, TimeOnly End, int Capacity);

/// <summary>Places added to an existing slot on a peak day.</summary>
public sealed record CapacityIncrease(string SlotId, int Additional);

public static class DayPlan
{
    public const int MaxSlotsPerDay = 96;
    public const int MaxCapacityPerSlot = 10_000;

    /// <summary>Checks a day's slots: each ends after it starts, has a capacity of at least 1, and none overlap
    /// each other or <paramref name="existing"/> slots of the day.</summary>
    public static IReadOnlyList<Slot> Slots(string officeId, DateOnly date, IReadOnlyList<SlotSpecification> specifications,
        IReadOnlyList<Slot>? existing = null, string field = "slots")
    {
        existing ??= [];
        var validator = new Validator();
        if (specifications.Count == 0 && existing.Count == 0) validator.Add(field, "at least one slot is required");
        if (specifications.Count + existing.Count > MaxSlotsPerDay) validator.Add(field, $"at most {MaxSlotsPerDay} slots a day");
        for (var i = 0; i < specifications.Count; i++)
        {
            var slot = specifications[i];
            validator.Require(slot.End > slot.Start, $"{field}[{i}].end_time", "must be later than start_time");
            validator.Require(slot.Capacity >= 1, $"{field}[{i}].capacity", "must be at least 1");
            validator.Require(slot.Capacity <= MaxCapacityPerSlot, $"{field}[{i}].capacity", $"must be at most {MaxCapacityPerSlot}");
            foreach (var other in existing)
            {
                if (slot.Start < other.End && other.Start < slot.End)
                    validator.Add($"{field}[{i}].start_time", $"overlaps the existing slot {Dates.Format(other.Start)}-{Dates.Format(other.End)}");
            }
        }
        var ordered = specifications.Select((s, i) => (Slot: s, Index: i)).OrderBy(x => x.Slot.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Slot.Start < ordered[i - 1].Slot.End)
                validator.Add($"{field}[{ordered[i].Index}].start_time", $"overlaps {field}[{ordered[i - 1].Index}]");
        }
        validator.ThrowIfInvalid();
        return ordered
            .Select(x => new Slot(Slot.IdFor(officeId, date, x.Slot.Start), officeId, date, x.Slot.Start, x.Slot.End, x.Slot.Capacity, 0))
            .ToList();
    }
}
