using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Marriage.Api;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Marriage.Tests;

/// <summary>The appointments API as partners meet it: gRPC and the transcoded REST routes, on a real SQLite file.</summary>
public sealed class MarriageApiTests : IDisposable
{
    private const string Office = "xicheng-1";
    private const string Date = "2026-12-12";
    private const string NineOClock = "xicheng-1-20261212-0900";
    private readonly ServiceHost<MarriageAppointmentsApi> _host = new();
    private readonly MarriageAppointments.MarriageAppointmentsClient _client;

    public MarriageApiTests()
    {
        // Booking for 12 December opens 30 days ahead at 08:00 office time: 12 November, 00:00 UTC.
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        _client = new MarriageAppointments.MarriageAppointmentsClient(_host.Channel());
    }

    private async Task OpenDayAsync(int capacity = 20, string date = Date)
    {
        var request = new OpenDayRequest { OfficeId = Office, Date = date };
        request.Slots.Add(new SlotSpec { StartTime = "09:00", EndTime = "09:30", Capacity = capacity });
        request.Slots.Add(new SlotSpec { StartTime = "09:30", EndTime = "10:00", Capacity = capacity });
        await _client.OpenDayAsync(request);
    }

    private async Task<Slot> NineOClockSlotAsync()
    {
        var availability = await _client.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = Office, FromDate = Date, ToDate = Date });
        return availability.Days.Single().Slots.Single(s => s.SlotId == NineOClock);
    }

    [Fact]
    public async Task Two_hundred_concurrent_bookings_for_a_slot_of_twenty_confirm_exactly_twenty()
    {
        await OpenDayAsync(capacity: 20);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            try
            {
                await _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock));
                return StatusCode.OK;
            }
            catch (RpcException error)
            {
                return error.StatusCode;
            }
        }));
        Assert.Equal(20, attempts.Count(s => s == StatusCode.OK));
        Assert.Equal(180, attempts.Count(s => s == StatusCode.FailedPrecondition));
        var slot = await NineOClockSlotAsync();
        Assert.Equal(20, slot.Booked);
        Assert.Equal(0, slot.Remaining);
    }

    [Fact]
    public async Task A_booking_is_stored_shown_masked_and_cancelling_frees_its_place()
    {
        await OpenDayAsync(capacity: 1);
        var request = Couples.Booking(Office, NineOClock);
        var booked = await _client.BookAppointmentAsync(request);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Equal(Masking.MaskIdNumber(request.FirstParty.IdNumber), booked.FirstParty.MaskedIdNumber);
        Assert.Equal("张*明", booked.FirstParty.MaskedName);
        Assert.Equal("MALE", booked.FirstParty.Sex);
        Assert.Equal(CivilAffairs.Common.V1.WindowType.MarriageRegistration, booked.Window);
        Assert.DoesNotContain(request.FirstParty.IdNumber, booked.ToString());
        Assert.DoesNotContain(request.FirstParty.Phone, booked.ToString());

        var full = await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Contains("full", full.Status.Detail);

        var cancelled = await _client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = booked.AppointmentId, Reason = "改期" });
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, (await NineOClockSlotAsync()).Remaining);
        var fetched = await _client.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = booked.AppointmentId });
        Assert.Equal(AppointmentStatus.Cancelled, fetched.Status);
        await _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_books_once_and_a_reused_key_with_other_content_is_refused()
    {
        await OpenDayAsync(capacity: 5);
        var request = Couples.Booking(Office, NineOClock, key: "partner-42-attempt");
        var first = await _client.BookAppointmentAsync(request);
        var retry = await _client.BookAppointmentAsync(request);
        Assert.Equal(first.AppointmentId, retry.AppointmentId);
        Assert.Equal(1, (await NineOClockSlotAsync()).Booked);

        var other = Couples.Booking(Office, NineOClock, key: "partner-42-attempt");
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(other).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("idempotency_key", refused.Status.Detail);
        Assert.Equal(1, (await NineOClockSlotAsync()).Booked);
    }

    [Fact]
    public async Task The_idempotency_key_header_works_like_the_field()
    {
        await OpenDayAsync(capacity: 5);
        var request = Couples.Booking(Office, NineOClock);
        var headers = new Metadata { { "Idempotency-Key", "header-key-1" } };
        var first = await _client.BookAppointmentAsync(request, headers);
        var retry = await _client.BookAppointmentAsync(request, headers);
        Assert.Equal(first.AppointmentId, retry.AppointmentId);
        Assert.Equal(1, (await NineOClockSlotAsync()).Booked);
    }

    [Fact]
    public async Task The_same_person_cannot_hold_two_appointments_on_one_day()
    {
        await OpenDayAsync();
        var request = Couples.Booking(Office, NineOClock);
        await _client.BookAppointmentAsync(request);
        var (man, _) = Couples.Next();
        var second = new BookAppointmentRequest { OfficeId = Office, SlotId = "xicheng-1-20261212-0930", FirstParty = man, SecondParty = request.SecondParty };
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(second).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Contains("second_party", refused.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_each_field_and_nothing_is_written()
    {
        await OpenDayAsync(capacity: 3);
        var request = Couples.Booking(Office, NineOClock);
        request.FirstParty.IdNumber = IdNumbers.WithWrongCheck(request.FirstParty.IdNumber);
        request.SecondParty.Phone = "12";
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("first_party.id_number", error.Status.Detail);
        Assert.Contains("second_party.phone", error.Status.Detail);
        Assert.DoesNotContain(request.FirstParty.IdNumber, error.Status.Detail);
        Assert.Equal(0, (await NineOClockSlotAsync()).Booked);
    }

    [Fact]
    public async Task Opening_a_day_in_the_past_or_with_a_negative_capacity_is_refused()
    {
        var past = new OpenDayRequest { OfficeId = Office, Date = "2026-11-01" };
        past.Slots.Add(new SlotSpec { StartTime = "09:00", EndTime = "09:30", Capacity = 2 });
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.OpenDayAsync(past).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("date", error.Status.Detail);

        var negative = new OpenDayRequest { OfficeId = Office, Date = Date };
        negative.Slots.Add(new SlotSpec { StartTime = "09:00", EndTime = "09:30", Capacity = -1 });
        error = await Assert.ThrowsAsync<RpcException>(() => _client.OpenDayAsync(negative).ResponseAsync);
        Assert.Contains("slots[0].capacity", error.Status.Detail);
        var availability = await _client.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = Office, FromDate = Date, ToDate = Date });
        Assert.Empty(availability.Days);
    }

    [Fact]
    public async Task Booking_before_the_window_opens_is_refused_with_the_opening_time()
    {
        await OpenDayAsync(date: "2026-12-24");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.BookAppointmentAsync(Couples.Booking(Office, "xicheng-1-20261224-0900")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("opens at 2026-11-24 08:00", error.Status.Detail);

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        await _client.BookAppointmentAsync(Couples.Booking(Office, "xicheng-1-20261224-0900"));
    }

    [Fact]
    public async Task A_couple_under_the_legal_age_on_the_day_cannot_book()
    {
        await OpenDayAsync();
        var request = Couples.Booking(Office, NineOClock);
        // Turns 22 on 13 December: one day short on the 12th.
        request.FirstParty.IdNumber = IdNumbers.Make(new DateOnly(2004, 12, 13), Sex.Male);
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("legal marriage age", error.Status.Detail);
    }

    [Fact]
    public async Task Opening_the_same_day_twice_is_already_exists_and_unknown_ids_are_not_found()
    {
        await OpenDayAsync();
        var again = await Assert.ThrowsAsync<RpcException>(() => OpenDayAsync());
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = "apt_missing" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var unknownSlot = await Assert.ThrowsAsync<RpcException>(() =>
            _client.BookAppointmentAsync(Couples.Booking(Office, "xicheng-1-20261212-1700")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknownSlot.StatusCode);
    }

    [Fact]
    public async Task Over_rest_a_booking_is_json_and_errors_are_http_statuses_whose_body_names_the_field()
    {
        await OpenDayAsync(capacity: 1);
        using var http = _host.CreateClient();
        var booking = Couples.Booking(Office, NineOClock);
        var body = new
        {
            officeId = Office, slotId = NineOClock,
            firstParty = new { name = booking.FirstParty.Name, idNumber = booking.FirstParty.IdNumber, phone = booking.FirstParty.Phone },
            secondParty = new { name = booking.SecondParty.Name, idNumber = booking.SecondParty.IdNumber, phone = booking.SecondParty.Phone },
        };
        var created = await http.PostAsJsonAsync("/api/marriage/v1/appointments", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var appointment = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BOOKED", appointment.GetProperty("status").GetString());
        var id = appointment.GetProperty("appointmentId").GetString();

        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/appointments/{id}");
        Assert.Equal("MARRIAGE_REGISTRATION", fetched.GetProperty("window").GetString());

        var invalid = await http.PostAsJsonAsync("/api/marriage/v1/appointments", body with { });
        Assert.Equal(HttpStatusCode.Conflict, invalid.StatusCode);

        var badId = await http.PostAsJsonAsync("/api/marriage/v1/appointments", new
        {
            officeId = Office, slotId = NineOClock,
            firstParty = new { name = "张三", idNumber = "110105194912310021", phone = "13800000000" },
            secondParty = body.secondParty,
        });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var problem = await badId.Content.ReadAsStringAsync();
        Assert.Contains("first_party.id_number", problem);
        Assert.Contains("fieldViolations", problem);

        var missing = await http.GetAsync("/api/marriage/v1/appointments/apt_missing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var malformed = await http.PostAsync("/api/marriage/v1/appointments", new StringContent("{\"officeId\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var availability = await http.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/offices/{Office}/availability?fromDate={Date}&toDate={Date}");
        Assert.Equal(0, availability.GetProperty("days")[0].GetProperty("slots")[0].GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Bookings_slot_fill_and_refusals_by_rule_are_counted_for_operators()
    {
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Value, string Tags)>();
        var meters = _host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This host's platform instruments only: other tests' hosts book in the same process.
            if (instrument.Meter.Name == "CivilAffairs.Platform" && ReferenceEquals(instrument.Meter.Scope, meters)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Describe(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Describe(tags))));
        listener.Start();

        await OpenDayAsync(capacity: 2);
        await _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock));
        await _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock));
        await Assert.ThrowsAsync<RpcException>(() => _client.BookAppointmentAsync(Couples.Booking(Office, NineOClock)).ResponseAsync);

        Assert.Equal(2, measured.Count(m => m.Instrument == "civilaffairs.bookings" && m.Tags.Contains("MARRIAGE_REGISTRATION")));
        Assert.Contains(measured, m => m.Instrument == "civilaffairs.slot.fill" && m.Value == 1.0);
        Assert.Contains(measured, m => m.Instrument == "civilaffairs.refusals" && m.Tags.Contains("rule=slot-full") && m.Tags.Contains("MARRIAGE_REGISTRATION"));
        Assert.DoesNotContain(measured, m => Masking.ContainsSensitiveNumber(m.Tags));
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags) parts.Add($"{tag.Key}={tag.Value}");
        return string.Join(",", parts);
    }

    public void Dispose() => _host.Dispose();
}
