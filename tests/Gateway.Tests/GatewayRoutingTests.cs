using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Marriage.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Partners call the marriage service through the gateway, over REST (HTTP/1.1) and gRPC (HTTP/2).</summary>
public sealed class GatewayRoutingTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    private readonly HttpClient _rest = platform.Rest;

    [Fact]
    public async Task A_booking_over_rest_through_the_gateway_is_stored_by_the_service()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(_rest, office);
        var man = IdNumbers.Man(30);

        var booked = await _rest.PostAsJsonAsync("/api/marriage/v1/appointments", Booking.Couple(office, slot, man));

        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var appointment = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = appointment.GetProperty("appointmentId").GetString();
        var stored = await _rest.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/appointments/{id}");
        Assert.Equal("BOOKED", stored.GetProperty("status").GetString());
        Assert.Equal(slot, stored.GetProperty("slotId").GetString());
        Assert.DoesNotContain(man, stored.GetRawText());
        Assert.Equal(1, (await Booking.SlotAsync(_rest, office)).GetProperty("booked").GetInt32());
    }

    [Fact]
    public async Task Grpc_over_http2_through_the_gateway_lists_availability()
    {
        var office = Booking.NewOffice();
        await Booking.OpenSlotAsync(_rest, office, capacity: 7);
        var client = new MarriageAppointments.MarriageAppointmentsClient(platform.Grpc);

        var response = await client.ListAvailabilityAsync(new ListAvailabilityRequest
        {
            OfficeId = office, FromDate = Booking.Date, ToDate = Booking.Date,
        });

        var slot = Assert.Single(Assert.Single(response.Days).Slots);
        Assert.Equal(7, slot.Remaining);
        var received = Assert.Single(platform.Marriage.Received.All,
            r => r.Path == "/civilaffairs.marriage.v1.MarriageAppointments/ListAvailability");
        Assert.Equal("HTTP/2", received.Protocol);
    }

    [Fact]
    public async Task Bad_input_comes_back_through_the_gateway_as_400_naming_the_field()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(_rest, office);

        var refused = await _rest.PostAsJsonAsync("/api/marriage/v1/appointments",
            Booking.Couple(office, slot, manIdNumber: IdNumbers.WithWrongCheck(IdNumbers.Man(30))));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("first_party.id_number", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await Booking.SlotAsync(_rest, office)).GetProperty("booked").GetInt32());
    }

    [Fact]
    public async Task Bad_input_over_grpc_through_the_gateway_is_invalid_argument()
    {
        var client = new MarriageAppointments.MarriageAppointmentsClient(platform.Grpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ListAvailabilityAsync(
            new ListAvailabilityRequest { OfficeId = "gw-x", FromDate = "2026-13-40", ToDate = Booking.Date }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("from_date", refused.Status.Detail);
    }

    [Theory]
    [InlineData("/api/marriage/v1/appointments/apt_x")]
    [InlineData("/api/staff/v1/staff/s1")]
    public async Task An_invalid_window_type_header_is_refused_with_a_problem_naming_the_header(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Window-Type", "NOT_A_WINDOW");

        var refused = await _rest.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("X-Window-Type", problem.GetProperty("field").GetString());
        Assert.Contains("X-Window-Type", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(platform.Marriage.Received.All, r => r.Path == path);
    }

    [Fact]
    public async Task An_invalid_window_type_over_grpc_is_invalid_argument()
    {
        var client = new MarriageAppointments.MarriageAppointmentsClient(platform.Grpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetAppointmentAsync(
            new GetAppointmentRequest { AppointmentId = "apt_x" }, new Metadata { { "X-Window-Type", "99" } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("X-Window-Type", refused.Status.Detail);
    }

    [Fact]
    public async Task A_path_no_route_serves_is_a_404_problem()
    {
        var response = await _rest.GetAsync("/api/unknown/v1/things");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_503_problem_not_a_500()
    {
        var response = await _rest.PostAsJsonAsync("/api/feedback/v1/suggestions", new { text = "more chairs" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("feedback", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_service_that_is_down_is_unavailable_over_grpc()
    {
        var feedback = new CivilAffairs.Feedback.V1.Feedback.FeedbackClient(platform.Grpc);

        var refused = await Assert.ThrowsAsync<RpcException>(() => feedback.GetSatisfactionSummaryAsync(
            new CivilAffairs.Feedback.V1.GetSatisfactionSummaryRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
    }

    [Fact]
    public async Task The_service_receives_the_callers_trace_and_the_route_window_in_baggage()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpan = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/marriage/v1/appointments/apt_trace");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        // The marriage route's own window wins over a header naming another window.
        request.Headers.Add("X-Window-Type", "ELDERLY_CARE");

        await _rest.SendAsync(request);

        var received = platform.Marriage.Received.InTrace(traceId);
        Assert.NotEqual(callerSpan, received.ParentSpanId); // the gateway's own span sits between caller and service
        Assert.Equal("MARRIAGE_REGISTRATION", received.BaggageItem("civilaffairs.window"));
    }

    [Theory]
    [InlineData("ELDERLY_CARE", "ELDERLY_CARE")]
    [InlineData("9", "DISABILITY_WELFARE")]
    [InlineData("place_names", "PLACE_NAMES")]
    public async Task On_a_route_serving_every_window_the_header_names_the_window_in_baggage(string header, string window)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/v1/windows/x/staff");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("X-Window-Type", header);

        await _rest.SendAsync(request);

        Assert.Equal(window, platform.Marriage.Received.InTrace(traceId).BaggageItem("civilaffairs.window"));
    }

    [Fact]
    public async Task Health_is_answered_by_the_gateway_itself()
    {
        var response = await _rest.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(platform.Marriage.Received.All, r => r.Path.StartsWith("/health"));
    }
}
