using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Gateway.Tests;

/// <summary>A partner that retries with the same Idempotency-Key gets the first outcome again, never a second booking.</summary>
public sealed class IdempotencyThroughGatewayTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    [Fact]
    public async Task A_retried_booking_with_the_same_key_is_the_same_appointment_and_another_body_is_refused()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Rest, office);
        var couple = Booking.Couple(office, slot);
        var key = $"retry-{Guid.NewGuid():N}";

        var first = await Book(couple, key);
        var retry = await Book(couple, key);
        var reused = await Book(Booking.Couple(office, slot), key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await IdOf(first), await IdOf(retry));
        Assert.InRange((int)reused.StatusCode, 400, 499);
        Assert.Contains("idempotency_key", await reused.Content.ReadAsStringAsync());
        Assert.Equal(1, (await Booking.SlotAsync(platform.Rest, office)).GetProperty("booked").GetInt32());
    }

    private async Task<HttpResponseMessage> Book(object couple, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/marriage/v1/appointments") { Content = JsonContent.Create(couple) };
        request.Headers.Add("Idempotency-Key", key);
        return await platform.Rest.SendAsync(request);
    }

    private static async Task<string?> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointmentId").GetString();
}
