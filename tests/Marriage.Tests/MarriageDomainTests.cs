using CivilAffairs.Marriage.Domain;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Marriage.Tests;

public class MarriageDomainTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    [Fact]
    public void A_day_plan_orders_slots_and_gives_them_readable_ids()
    {
        var slots = DayPlan.Slots("xicheng-1", Day,
        [
            new SlotSpecification(new TimeOnly(10, 0), new TimeOnly(10, 30), 5),
            new SlotSpecification(new TimeOnly(9, 0), new TimeOnly(9, 30), 3),
        ]);
        Assert.Equal(["xicheng-1-20261212-0900", "xicheng-1-20261212-1000"], slots.Select(s => s.SlotId));
        Assert.All(slots, s => Assert.Equal(0, s.Booked));
    }

    [Fact]
    public void Overlapping_slots_empty_slots_and_negative_capacities_are_refused_naming_each_field()
    {
        var error = Assert.Throws<ValidationFailed>(() => DayPlan.Slots("xicheng-1", Day,
        [
            new SlotSpecification(new TimeOnly(9, 0), new TimeOnly(9, 30), -1),
            new SlotSpecification(new TimeOnly(9, 15), new TimeOnly(9, 45), 2),
            new SlotSpecification(new TimeOnly(11, 0), new TimeOnly(10, 0), 2),
        ]));
        var fields = error.Violations.Select(v => v.Field).ToList();
        Assert.Contains("slots[0].capacity", fields);
        Assert.Contains("slots[1].start_time", fields);
        Assert.Contains("slots[2].end_time", fields);
    }

    [Fact]
    public void Legal_age_is_22_for_a_man_and_20_for_a_woman_on_the_day_itself()
    {
        var man = ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(2004, 12, 12), Sex.Male), "id");
        var woman = ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(2006, 12, 13), Sex.Female), "id");
        Assert.False(LegalMarriageAge.IsReachedOn(man, new DateOnly(2026, 12, 11)));
        Assert.True(LegalMarriageAge.IsReachedOn(man, new DateOnly(2026, 12, 12)));
        Assert.False(LegalMarriageAge.IsReachedOn(woman, new DateOnly(2026, 12, 12)));
        Assert.True(LegalMarriageAge.IsReachedOn(woman, new DateOnly(2026, 12, 13)));
    }

    [Fact]
    public void A_party_with_bad_fields_is_reported_field_by_field()
    {
        var validator = new Validator();
        Party.Parse(" ", IdNumbers.WithWrongCheck(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male)), "12345", "first_party", validator, Day);
        var error = Assert.Throws<ValidationFailed>(validator.ThrowIfInvalid);
        Assert.Equal(["first_party.name", "first_party.id_number", "first_party.phone"], error.Violations.Select(v => v.Field));
    }
}
