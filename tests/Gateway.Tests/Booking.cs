using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Gateway.Tests;

/// <summary>REST calls of the marriage API as a partner makes them through the gateway.</summary>
public static class Booking
{
    public const string Date = "2026-11-20";

    public static string NewOffice() => $"gw-{Guid.NewGuid():N}"[..20];

    /// <summary>Opens <see cref="Date"/> at <paramref name="office"/> with one 09:00 slot; returns the slot id.</summary>
    public static async Task<string> OpenSlotAsync(HttpClient gateway, string office, int capacity = 20)
    {
        var response = await gateway.PostAsJsonAsync($"/api/marriage/v1/offices/{office}/days", new
        {
            date = Date,
            slots = new[] { new { start_time = "09:00", end_time = "09:30", capacity } },
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var day = await response.Content.ReadFromJsonAsync<JsonElement>();
        return day.GetProperty("slots")[0].GetProperty("slotId").GetString()!;
    }

    public static object Couple(string office, string slot, string? manIdNumber = null, string? womanIdNumber = null) => new
    {
        office_id = office,
        slot_id = slot,
        first_party = new { name = "张三", id_number = manIdNumber ?? IdNumbers.Man(30), phone = "13800138000" },
        second_party = new { name = "李四", id_number = womanIdNumber ?? IdNumbers.Woman(28), phone = "13900139000" },
    };
}
