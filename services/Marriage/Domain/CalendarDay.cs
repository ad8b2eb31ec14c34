using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>An office's opened day: its slots and whether only booked couples are served.</summary>
public sealed record CalendarDay(string OfficeId, DateOnly Date, bool AppointmentOnly, IReadOnlyList<Slot> Slots);

/// <summary>What an operator asks for when opening a day.</summary>
public sealed record SlotSpecification(TimeOnly Start, TimeOnly End, int Capacity);

public static class DayPlan
{
    public const int MaxSlotsPerDay = 96;
    public const int MaxCapacityPerSlot = 10_000;

    /// <summary>Checks a day's slots: each ends after it starts, has a capacity of at least 1, and none overlap.</summary>
    public static IReadOnlyList<Slot> Slots(string officeId, DateOnly date, IReadOnlyList<SlotSpecification> specifications)
    {
        var validator = new Validator();
        if (specifications.Count == 0) validator.Add("slots", "at least one slot is required");
        if (specifications.Count > MaxSlotsPerDay) validator.Add("slots", $"at most {MaxSlotsPerDay} slots a day");
        for (var i = 0; i < specifications.Count; i++)
        {
            var slot = specifications[i];
            validator.Require(slot.End > slot.Start, $"slots[{i}].end_time", "must be later than start_time");
            validator.Require(slot.Capacity >= 1, $"slots[{i}].capacity", "must be at least 1");
            validator.Require(slot.Capacity <= MaxCapacityPerSlot, $"slots[{i}].capacity", $"must be at most {MaxCapacityPerSlot}");
        }
        var ordered = specifications.Select((s, i) => (Slot: s, Index: i)).OrderBy(x => x.Slot.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Slot.Start < ordered[i - 1].Slot.End)
                validator.Add($"slots[{ordered[i].Index}].start_time", $"overlaps slots[{ordered[i - 1].Index}]");
        }
        validator.ThrowIfInvalid();
        return ordered
            .Select(x => new Slot(Slot.IdFor(officeId, date, x.Slot.Start), officeId, date, x.Slot.Start, x.Slot.End, x.Slot.Capacity, 0))
            .ToList();
    }
}
