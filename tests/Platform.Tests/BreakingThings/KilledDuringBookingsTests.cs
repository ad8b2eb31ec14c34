using System.Collections.Concurrent;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Marriage.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>
/// The marriage service as a real process is killed with SIGKILL in the middle of a burst of bookings. After a
/// restart on the same store every booking that was acknowledged is there, and no slot holds more than its capacity or
/// counts a place nobody holds.
/// </summary>
public sealed class KilledDuringBookingsTests : IDisposable
{
    private const string Office = "crash-1";
    private const int Slots = 20;
    private const int Capacity = 10;
    private readonly ServiceProcesses _services = new();

    [Fact]
    public async Task Every_acknowledged_booking_survives_a_kill_and_no_slot_goes_above_capacity()
    {
        await _services.StartAsync("marriage");
        var date = RunningPlatform.DaysAhead(5);
        using (var channel = _services.Channel("marriage"))
        {
            var appointments = new MarriageAppointments.MarriageAppointmentsClient(channel);
            var open = new OpenDayRequest { OfficeId = Office, Date = date };
            for (var i = 0; i < Slots; i++)
                open.Slots.Add(new SlotSpec { StartTime = $"{8 + i / 2:D2}:{i % 2 * 30:D2}", EndTime = $"{8 + (i + 1) / 2:D2}:{(i + 1) % 2 * 30:D2}", Capacity = Capacity });
            var day = await appointments.OpenDayAsync(open);

            // 32 clients book as fast as they can; after 80 acknowledgements the process is killed mid-burst.
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var killed = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 32).Select(client => Task.Run(async () =>
            {
                for (var attempt = 0; attempt < 40 && !killed.IsCancellationRequested; attempt++)
                {
                    var (man, woman) = Couple.Next();
                    var slot = day.Slots[(client + attempt) % Slots].SlotId;
                    try
                    {
                        var booked = await appointments.BookAppointmentAsync(new BookAppointmentRequest
                        {
                            OfficeId = Office, SlotId = slot, FirstParty = man, SecondParty = woman,
                        });
                        acknowledged[booked.AppointmentId] = booked.SlotId;
                        if (acknowledged.Count >= 80 && !killed.IsCancellationRequested)
                        {
                            killed.Cancel();
                            _services.Kill("marriage"); // SIGKILL to the process and its children, mid-burst
                        }
                    }
                    catch (RpcException) { } // full, or the process is gone
                }
            })).ToList();
            await Task.WhenAll(clients);
            Assert.True(killed.IsCancellationRequested, "the burst ended before the kill");
            Assert.InRange(acknowledged.Count, 80, Slots * Capacity);

            // Restart on the same file.
            await _services.StartAsync("marriage");
            using var again = _services.Channel("marriage");
            var after = new MarriageAppointments.MarriageAppointmentsClient(again);
            foreach (var (id, slot) in acknowledged)
            {
                var appointment = await after.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = id });
                Assert.Equal((AppointmentStatus.Booked, slot), (appointment.Status, appointment.SlotId));
            }
            var availability = await after.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = Office, FromDate = date, ToDate = date });
            Assert.All(availability.Days[0].Slots, s => Assert.InRange(s.Booked, 0, s.Capacity));
            foreach (var group in acknowledged.GroupBy(a => a.Value))
                Assert.True(availability.Days[0].Slots.Single(s => s.SlotId == group.Key).Booked >= group.Count());

            // The counters agree with the appointments actually held, slot by slot: no place lost or counted twice.
            var held = await HeldPerSlotAsync();
            Assert.All(availability.Days[0].Slots, s => Assert.Equal(held.GetValueOrDefault(s.SlotId), s.Booked));

            // And the service goes on booking.
            var (lateMan, lateWoman) = Couple.Next();
            var free = availability.Days[0].Slots.First(s => s.Remaining > 0);
            await after.BookAppointmentAsync(new BookAppointmentRequest { OfficeId = Office, SlotId = free.SlotId, FirstParty = lateMan, SecondParty = lateWoman });
        }
    }

    private async Task<Dictionary<string, int>> HeldPerSlotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_services.Store("marriage")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(doc, '$.slotId'), COUNT(*) FROM doc_appointments WHERE f_status IN ('Booked', 'CheckedIn') GROUP BY 1";
        await using var reader = await command.ExecuteReaderAsync();
        var held = new Dictionary<string, int>();
        while (await reader.ReadAsync()) held[reader.GetString(0)] = reader.GetInt32(1);
        return held;
    }

    public void Dispose() => _services.Dispose();
}
