using System.Net;
using System.Net.Http.Json;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>A slot never takes more couples than its capacity, however many partners book it at the same moment.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ConcurrentBookingTests(RunningPlatform platform)
{
    [Fact]
    public async Task Two_hundred_simultaneous_bookings_through_the_gateway_fill_a_slot_of_twenty_exactly()
    {
        var date = RunningPlatform.DaysAhead(12);
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Gateway, office, capacity: 20, date: date);
        var couples = Enumerable.Range(0, 200)
            .Select(_ => Booking.Couple(office, slot, IdNumbers.Man(30), IdNumbers.Woman(27)))
            .ToList();

        using var start = new SemaphoreSlim(0);
        var attempts = couples.Select(async couple =>
        {
            await start.WaitAsync();
            using var response = await platform.Gateway.PostAsJsonAsync("/api/marriage/v1/appointments", couple);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(couples.Count);
        var answers = await Task.WhenAll(attempts);

        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refusals = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(180, refusals.Count);
        Assert.All(refusals, refusal =>
        {
            Assert.InRange((int)refusal.StatusCode, 400, 499);
            Assert.Contains("full", refusal.Body);
        });
        var filled = await Booking.SlotAsync(platform.Gateway, office, date);
        Assert.Equal(20, filled.GetProperty("booked").GetInt32());
        Assert.Equal(0, filled.GetProperty("remaining").GetInt32());
    }
}
