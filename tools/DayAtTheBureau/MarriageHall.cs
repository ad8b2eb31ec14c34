using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// The registration office: a day of three slots opens, couples book until the slots are full (the late ones are
/// refused: slot-full), one couple books twice (409), one mistypes an ID number (400), one cancels.
/// </summary>
public sealed class MarriageHall(Counter counter, Residents residents, Random random)
{
    private const Window Here = Window.MarriageRegistration;

    public async Task PlayAsync()
    {
        var office = $"demo-hall-{random.Next(1000, 10000)}";
        var date = OfficeCalendar.WeekdayAhead(3);
        var day = await counter.PostAsync(Here, "open a day of three slots", $"/api/marriage/v1/offices/{office}/days", new
        {
            date,
            slots = new[]
            {
                new { start_time = "09:00", end_time = "09:30", capacity = 4 },
                new { start_time = "09:30", end_time = "10:00", capacity = 4 },
                new { start_time = "10:00", end_time = "10:30", capacity = 2 },
            },
        });
        if (day is null) return;
        var slots = day.Value.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetString()!).ToList();

        var appointments = new List<string>();
        object? firstCouple = null;
        for (var i = 0; i < 14; i++)
        {
            var couple = Couple(office, slots[i % slots.Count]);
            firstCouple ??= couple;
            var booked = await counter.PostAsync(Here, "book an appointment", "/api/marriage/v1/appointments", couple);
            if (booked?.GetProperty("appointmentId").GetString() is { } id) appointments.Add(id);
        }
        await counter.PostAsync(Here, "the same couple books again", "/api/marriage/v1/appointments", firstCouple!);

        var mistyped = Couple(office, slots[0], mistype: true);
        await counter.PostAsync(Here, "a couple mistypes an ID number", "/api/marriage/v1/appointments", mistyped);

        await counter.GetAsync(Here, "places left", $"/api/marriage/v1/offices/{office}/availability?from_date={date}&to_date={date}");
        if (appointments.Count > 0)
        {
            await counter.PostAsync(Here, "a couple cancels", $"/api/marriage/v1/appointments/{appointments[^1]}:cancel",
                new { reason = "换了日子" });
            await counter.GetAsync(Here, "look up an appointment", $"/api/marriage/v1/appointments/{appointments[0]}");
        }
        await counter.GetAsync(Here, "look up an appointment that does not exist", "/api/marriage/v1/appointments/no-such-appointment");
    }

    private object Couple(string office, string slot, bool mistype = false)
    {
        var man = residents.IdNumber(random.Next(24, 40), male: true);
        if (mistype) man = man[..17] + (man[17] == '0' ? '1' : '0');
        return new
        {
            office_id = office,
            slot_id = slot,
            first_party = new { name = residents.Name(), id_number = man, phone = residents.Phone() },
            second_party = new { name = residents.Name(), id_number = residents.IdNumber(random.Next(22, 38), male: false), phone = residents.Phone() },
        };
    }
}
