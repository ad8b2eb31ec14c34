using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Gateway.Tests;

/// <summary>REST calls of the marriage API as a partner makes them through the gateway.</summary>
public static class Booking
{
    /// <summary>A day ahead of the in-memory hosts' clock (ServiceHost starts it on 2026-11-02).</summary>
    public const string Date = "2026-11-20";

    public static string NewOffice() => $"gw-{Guid.NewGuid():N}"[..20];

    /// <summary>Opens <paramref name="date"/> (default <see cref="Date"/>) at <paramref name="office"/> with one 09:00
    /// slot; returns the slot id.</summary>
    public static async Task<string> OpenSlotAsync(HttpClient gateway, string office, int capacity = 20, string date = Date)
    {
        var response = await gateway.PostAsJsonAsync($"/api/marriage/v1/offices/{office}/days", new
        {
            date,
            slots = new[] { new { start_time = "09:00", end_time = "09:30", capacity } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var day = await response.Content.ReadFromJsonAsync<JsonElement>();
        return day.GetProperty("slots")[0].GetProperty("slotId").GetString()!;
    }

    public static async Task<JsonElement> SlotAsync(HttpClient gateway, string office, string date = Date)
    {
        var availability = await gateway.GetFromJsonAsync<JsonElement>(
            $"/api/marriage/v1/offices/{office}/availability?from_date={date}&to_date={date}");
        return availability.GetProperty("days")[0].GetProperty("slots")[0];
    }

    /// <summary>A booking request in the trace <paramref name="traceId"/>, as a partner already tracing would send it.</summary>
    public static HttpRequestMessage InTrace(object couple, string traceId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/marriage/v1/appointments") { Content = JsonContent.Create(couple) };
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    public static object Couple(string office, string slot, string? manIdNumber = null, string? womanIdNumber = null) => new
    {
        office_id = office,
        slot_id = slot,
        first_party = new { name = "张三", id_number = manIdNumber ?? IdNumbers.Man(30), phone = "13800138000" },
        second_party = new { name = "李四", id_number = womanIdNumber ?? IdNumbers.Woman(28), phone = "13900139000" },
    };
}
