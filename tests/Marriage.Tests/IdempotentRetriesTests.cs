using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Marriage.V1;
using Grpc.Core;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// Every state-changing call can be retried safely with an Idempotency-Key: the first outcome is stored and replayed,
/// whatever the call — here the ones that would otherwise change things twice.
/// </summary>
public sealed class IdempotentRetriesTests : IDisposable
{
    private const string Today = "2026-12-12";
    private readonly MarriageOffice _office = new(new DateTime(2026, 12, 12, 8, 30, 0));

    private static Metadata Key(string key) => new() { { "Idempotency-Key", key } };

    [Fact]
    public async Task A_retried_peak_day_adjustment_adds_the_places_once()
    {
        await _office.OpenDayAsync(Today, capacity: 5);
        var adjust = new AdjustDayRequest { OfficeId = MarriageOffice.Id, Date = Today };
        adjust.CapacityChanges.Add(new SlotCapacityChange { SlotId = MarriageOffice.Slot(Today, "09:00"), AdditionalCapacity = 3 });
        var first = await _office.Appointments.AdjustDayAsync(adjust, Key("adjust-1"));
        var retry = _office.Appointments.AdjustDayAsync(adjust, Key("adjust-1"));
        var replayed = await retry.ResponseAsync;
        Assert.Equal("true", (await retry.ResponseHeadersAsync).GetValue("idempotent-replay"));
        Assert.Equal(first, replayed);
        var day = await _office.Appointments.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = MarriageOffice.Id, FromDate = Today, ToDate = Today });
        Assert.Equal(8, day.Days[0].Slots[0].Capacity);
    }

    [Fact]
    public async Task A_retried_walk_in_check_in_gives_one_ticket_and_a_reused_key_is_refused()
    {
        await _office.OpenDayAsync(Today);
        var (man, woman) = Couples.Next();
        var request = new CheckInRequest { OfficeId = MarriageOffice.Id, FirstParty = man, SecondParty = woman };
        var ticket = await _office.Hall.CheckInAsync(request, Key("walk-in-1"));
        var again = await _office.Hall.CheckInAsync(request, Key("walk-in-1"));
        Assert.Equal(ticket.TicketId, again.TicketId);
        var board = await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id });
        Assert.Equal(1, board.Waiting);

        var (otherMan, otherWoman) = Couples.Next();
        var reused = await Assert.ThrowsAsync<RpcException>(() => _office.Hall.CheckInAsync(
            new CheckInRequest { OfficeId = MarriageOffice.Id, FirstParty = otherMan, SecondParty = otherWoman }, Key("walk-in-1")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Contains("idempotency_key", reused.Status.Detail);
    }

    [Fact]
    public async Task A_refusal_is_the_first_outcome_too_and_is_replayed_as_it_was()
    {
        await _office.OpenDayAsync(Today, appointmentOnly: true);
        var (man, woman) = Couples.Next();
        var request = new CheckInRequest { OfficeId = MarriageOffice.Id, FirstParty = man, SecondParty = woman };
        var first = await Assert.ThrowsAsync<RpcException>(() => _office.Hall.CheckInAsync(request, Key("refused-1")).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => _office.Hall.CheckInAsync(request, Key("refused-1")).ResponseAsync);
        Assert.Equal((first.StatusCode, first.Status.Detail), (again.StatusCode, again.Status.Detail));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Retries_sent_at_the_same_moment_wait_for_the_first_and_get_its_answer()
    {
        await _office.OpenDayAsync(Today);
        var (man, woman) = Couples.Next();
        var request = new CheckInRequest { OfficeId = MarriageOffice.Id, FirstParty = man, SecondParty = woman };
        var tickets = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _office.Hall.CheckInAsync(request, Key("same-moment")).ResponseAsync));
        Assert.Single(tickets.Select(t => t.TicketId).Distinct());
        Assert.Equal(1, (await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id })).Waiting);
    }

    [Fact]
    public async Task Over_rest_a_replayed_refusal_keeps_its_http_status_and_body()
    {
        await _office.OpenDayAsync(Today, appointmentOnly: true);
        var (man, woman) = Couples.Next();
        using var http = _office.Host.CreateClient();
        async Task<HttpResponseMessage> WalkInAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/marriage/v1/offices/{MarriageOffice.Id}/hall/check-ins")
            {
                Content = JsonContent.Create(new
                {
                    firstParty = new { name = man.Name, idNumber = man.IdNumber, phone = man.Phone },
                    secondParty = new { name = woman.Name, idNumber = woman.IdNumber, phone = woman.Phone },
                }),
            };
            message.Headers.Add("Idempotency-Key", "refused-rest-1");
            return await http.SendAsync(message);
        }
        var first = await WalkInAsync();
        var retry = await WalkInAsync();
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Contains("appointment-only", await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Over_rest_a_retried_reissue_issues_one_new_certificate()
    {
        await _office.OpenDayAsync(Today);
        var (record, man, _) = await _office.MarryAsync();
        using var http = _office.Host.CreateClient();
        async Task<HttpResponseMessage> ReissueAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/marriage/v1/certificates/{record.CurrentCertificateNumber}:reissue")
            {
                Content = JsonContent.Create(new { applicantIdNumber = man.IdNumber, reason = "遗失", clerkId = "clerk-01", officeId = MarriageOffice.Id }),
            };
            message.Headers.Add("Idempotency-Key", "reissue-1");
            return await http.SendAsync(message);
        }
        var first = await ReissueAsync();
        var retry = await ReissueAsync();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("currentCertificateNumber").GetString(), b.GetProperty("currentCertificateNumber").GetString());
        var stored = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = record.CurrentCertificateNumber });
        Assert.Equal(2, stored.Certificates.Count);
    }

    public void Dispose() => _office.Dispose();
}
