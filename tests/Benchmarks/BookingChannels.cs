using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivilAffairs.Marriage.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CivilAffairs.Benchmarks;

/// <summary>What a call got back, as a couple's phone would understand it (Answered: a read that succeeded).</summary>
public enum Outcome { Booked, Full, Refused, ServerError, Failed, Answered }

public sealed record Answer(Outcome Outcome, int Status, string? AppointmentId = null, string? Detail = null);

/// <summary>One way of calling BookAppointment: REST or gRPC, direct to the service or through the gateway.</summary>
public interface IBookingChannel : IDisposable
{
    string Name { get; }
    Task<Answer> BookAsync(BookingRequest request);
}

public static class Channels
{
    /// <summary>A pooled HTTP/1.1 client with one connection per concurrent client; the partner key when through the gateway.</summary>
    /// <param name="service">calling the service itself (directly or through nginx): it presents the gateway's service token</param>
    public static HttpClient Http(string baseUrl, int clients, bool partner, bool service = false)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ActivityHeadersPropagator = null, // the phones do not trace
        })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (partner) client.DefaultRequestHeaders.Add(ServicePair.ApiKeyHeader, ServicePair.ApiKey);
        if (service) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServicePair.ServiceToken);
        return client;
    }

    public static IBookingChannel Rest(string name, string baseUrl, int clients, bool partner, bool service = false) =>
        new RestBooking(name, Http(baseUrl, clients, partner, service));

    public static IBookingChannel Grpc(string name, string address, bool partner, bool service = false) => new GrpcBooking(name, address, partner, service);

    /// <summary>The call's metadata: the partner key through the gateway, the service token when calling the service.</summary>
    internal static Metadata? Headers(bool partner, bool service)
    {
        var headers = new Metadata();
        if (partner) headers.Add(ServicePair.ApiKeyHeader, ServicePair.ApiKey);
        if (service) headers.Add("authorization", "Bearer " + ServicePair.ServiceToken);
        return headers.Count == 0 ? null : headers;
    }

    /// <summary>The outcome of a refusal's text: "full" is the answer a couple must be able to read.</summary>
    internal static Outcome Refusal(int status, string text) =>
        status >= 500 ? Outcome.ServerError : text.Contains("slot-full", StringComparison.Ordinal) ? Outcome.Full : Outcome.Refused;
}

internal sealed class RestBooking(string name, HttpClient client) : IBookingChannel
{
    public string Name => name;

    public async Task<Answer> BookAsync(BookingRequest request)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            office_id = request.OfficeId,
            slot_id = request.SlotId,
            first_party = new { name = "张三", id_number = request.Couple.ManIdNumber, phone = "13800138000" },
            second_party = new { name = "李四", id_number = request.Couple.WomanIdNumber, phone = "13900139000" },
        });
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/marriage/v1/appointments")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        try
        {
            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status == 200)
            {
                using var appointment = JsonDocument.Parse(text);
                return new Answer(Outcome.Booked, status, appointment.RootElement.GetProperty("appointmentId").GetString());
            }
            return new Answer(Channels.Refusal(status, text), status, Detail: Shorten(text));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new Answer(Outcome.Failed, 0, Detail: e.Message);
        }
    }

    internal static string Shorten(string text) => text.Length <= 300 ? text : text[..300];

    public void Dispose() => client.Dispose();
}

internal sealed class GrpcBooking : IBookingChannel
{
    private readonly GrpcChannel _channel;
    private readonly MarriageAppointments.MarriageAppointmentsClient _client;
    private readonly Metadata? _headers;

    public string Name { get; }

    public GrpcBooking(string name, string address, bool partner, bool service)
    {
        Name = name;
        // Past 100 concurrent calls one HTTP/2 connection would queue them: open more, as a busy partner would.
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, ActivityHeadersPropagator = null },
        });
        _client = new MarriageAppointments.MarriageAppointmentsClient(_channel);
        _headers = Channels.Headers(partner, service);
    }

    public async Task<Answer> BookAsync(BookingRequest request)
    {
        try
        {
            var appointment = await _client.BookAppointmentAsync(new BookAppointmentRequest
            {
                OfficeId = request.OfficeId,
                SlotId = request.SlotId,
                FirstParty = new Party { Name = "张三", IdNumber = request.Couple.ManIdNumber, Phone = "13800138000" },
                SecondParty = new Party { Name = "李四", IdNumber = request.Couple.WomanIdNumber, Phone = "13900139000" },
                IdempotencyKey = request.IdempotencyKey,
            }, _headers);
            return new Answer(Outcome.Booked, 0, appointment.AppointmentId);
        }
        catch (RpcException e)
        {
            var status = (int)e.StatusCode;
            var outcome = e.StatusCode switch
            {
                StatusCode.FailedPrecondition when e.Status.Detail.Contains("full", StringComparison.Ordinal) => Outcome.Full,
                StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable or StatusCode.DataLoss => Outcome.ServerError,
                StatusCode.DeadlineExceeded or StatusCode.Cancelled => Outcome.Failed,
                _ => Outcome.Refused,
            };
            return new Answer(outcome, status, Detail: RestBooking.Shorten(e.Status.Detail));
        }
    }

    public void Dispose() => _channel.Dispose();
}

/// <summary>The office side, direct to the service: opening days and reading what is left.</summary>
public sealed class Office(HttpClient service, string officeId)
{
    public string Id => officeId;

    /// <summary>Opens <paramref name="date"/> with <paramref name="slots"/> slots of five minutes from 08:00 sharing
    /// <paramref name="places"/> places; returns the slot ids in time order.</summary>
    public async Task<IReadOnlyList<string>> OpenDayAsync(DateOnly date, int slots, int places)
    {
        var specifications = Enumerable.Range(0, slots).Select(i =>
        {
            var start = new TimeOnly(8, 0).AddMinutes(5 * i);
            return new { start_time = start.ToString("HH:mm"), end_time = start.AddMinutes(5).ToString("HH:mm"), capacity = places / slots + (i < places % slots ? 1 : 0) };
        }).ToArray();
        using var response = await service.PostAsync($"/api/marriage/v1/offices/{officeId}/days",
            new StringContent(JsonSerializer.Serialize(new { date = date.ToString("yyyy-MM-dd"), slots = specifications }), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"opening {officeId} {date} failed: {(int)response.StatusCode} {text}");
        using var day = JsonDocument.Parse(text);
        return day.RootElement.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetString()!).ToList();
    }

    /// <summary>Places booked and capacity of the office's days, summed over every slot.</summary>
    public async Task<(int Booked, int Capacity)> PlacesAsync(DateOnly from, DateOnly to)
    {
        using var availability = JsonDocument.Parse(await service.GetStringAsync(
            $"/api/marriage/v1/offices/{officeId}/availability?from_date={from:yyyy-MM-dd}&to_date={to:yyyy-MM-dd}"));
        var slots = availability.RootElement.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()).ToList();
        return (slots.Sum(s => Int(s, "booked")), slots.Sum(s => Int(s, "capacity")));
    }

    /// <summary>proto3 JSON leaves zero out.</summary>
    internal static int Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
}

/// <summary>One way of reading an office's places left for a day (REST, with or without the partner key, or gRPC),
/// checking every answer: a slot must never show more booked than its capacity.</summary>
public interface IReadChannel : IDisposable
{
    string Name { get; }

    /// <summary>Slots seen with more booked than their capacity, over every read so far.</summary>
    int Overbooked { get; }

    Task<Answer> ReadAsync(string officeId, DateOnly date);
}

public static class Reads
{
    public static IReadChannel Rest(string name, string baseUrl, int clients, bool partner, bool service = false) =>
        new RestRead(name, Channels.Http(baseUrl, clients, partner, service));

    public static IReadChannel Grpc(string name, string address, bool partner, bool service = false) => new GrpcRead(name, address, partner, service);

    /// <summary>Anonymous phones over lean keep-alive connections, one thread for all of them (<see cref="PhoneCrowd"/>).</summary>
    internal static PhoneCrowd Phones(string name, string baseUrl) => new(name, new Uri(baseUrl));
}

internal sealed class RestRead(string name, HttpClient client) : IReadChannel
{
    private int _overbooked;

    public string Name => name;
    public int Overbooked => _overbooked;

    public async Task<Answer> ReadAsync(string officeId, DateOnly date)
    {
        try
        {
            using var response = await client.GetAsync(
                $"/api/marriage/v1/offices/{officeId}/availability?from_date={date:yyyy-MM-dd}&to_date={date:yyyy-MM-dd}");
            return Judge((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), ref _overbooked);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new Answer(Outcome.Failed, 0, Detail: e.Message);
        }
    }

    /// <summary>What an availability answer says: a refusal, or slots read, counting any over capacity into <paramref name="overbooked"/>.</summary>
    internal static Answer Judge(int status, ReadOnlySpan<byte> body, ref int overbooked)
    {
        if (status != 200)
        {
            var text = Encoding.UTF8.GetString(body);
            return new Answer(Channels.Refusal(status, text), status, Detail: RestBooking.Shorten(text));
        }
        var over = OverbookedSlots(body);
        if (over > 0) Interlocked.Add(ref overbooked, over);
        return new Answer(over < 0 ? Outcome.Refused : Outcome.Answered, status);
    }

    /// <summary>Slots of an availability answer (proto3 JSON: zero fields left out) with more booked than capacity,
    /// or -1 when the answer has no slots; read with a forward-only reader, the load generator's CPU is the bookings'.</summary>
    internal static int OverbookedSlots(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        int overbooked = 0, slots = 0, depth = -1, booked = 0, capacity = 0;
        var inSlots = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.ValueTextEquals("slots"u8):
                    inSlots = true;
                    break;
                case JsonTokenType.StartObject when inSlots && depth < 0:
                    depth = reader.CurrentDepth;
                    booked = capacity = 0;
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == depth:
                    slots++;
                    if (booked > capacity) overbooked++;
                    depth = -1;
                    break;
                case JsonTokenType.EndArray when inSlots && depth < 0:
                    inSlots = false;
                    break;
                case JsonTokenType.PropertyName when depth >= 0 && reader.CurrentDepth == depth + 1:
                    var isBooked = reader.ValueTextEquals("booked"u8);
                    var isCapacity = !isBooked && reader.ValueTextEquals("capacity"u8);
                    reader.Read();
                    if (isBooked) booked = reader.GetInt32();
                    else if (isCapacity) capacity = reader.GetInt32();
                    else reader.Skip();
                    break;
            }
        }
        return slots == 0 ? -1 : overbooked;
    }

    public void Dispose() => client.Dispose();
}

internal sealed class GrpcRead : IReadChannel
{
    private readonly GrpcChannel _channel;
    private readonly MarriageAppointments.MarriageAppointmentsClient _client;
    private readonly Metadata? _headers;
    private int _overbooked;

    public string Name { get; }
    public int Overbooked => _overbooked;

    public GrpcRead(string name, string address, bool partner, bool service)
    {
        Name = name;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, ActivityHeadersPropagator = null },
        });
        _client = new MarriageAppointments.MarriageAppointmentsClient(_channel);
        _headers = Channels.Headers(partner, service);
    }

    public async Task<Answer> ReadAsync(string officeId, DateOnly date)
    {
        try
        {
            var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var availability = await _client.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = officeId, FromDate = day, ToDate = day }, _headers);
            foreach (var slot in availability.Days.SelectMany(d => d.Slots))
                if (slot.Booked > slot.Capacity) Interlocked.Increment(ref _overbooked);
            return new Answer(Outcome.Answered, 0);
        }
        catch (RpcException e)
        {
            var outcome = e.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable or StatusCode.DataLoss
                ? Outcome.ServerError
                : e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled ? Outcome.Failed : Outcome.Refused;
            return new Answer(outcome, (int)e.StatusCode, Detail: RestBooking.Shorten(e.Status.Detail));
        }
    }

    public void Dispose() => _channel.Dispose();
}
