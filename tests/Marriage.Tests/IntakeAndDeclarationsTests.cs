using System.Net;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Marriage.Tests;

/// <summary>What the office takes in: ID numbers judged against today, the declarations with the disclosure of a serious
/// illness (recorded, not judged), and the public verification route limited like every anonymous route.</summary>
public sealed class IntakeAndDeclarationsTests : IDisposable
{
    private readonly MarriageOffice _office = new(new DateTime(2026, 11, 2, 9, 0, 0));

    [Fact]
    public async Task An_id_number_born_after_today_is_refused_at_walk_in_and_at_booking_naming_the_field()
    {
        await _office.OpenDayAsync("2026-11-02");
        var (man, woman) = Couples.Next();
        var unborn = MarriageOffice.Person(new DateOnly(2026, 11, 3), Sex.Female);

        var walkIn = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(man, unborn));
        Assert.Equal(StatusCode.InvalidArgument, walkIn.StatusCode);
        Assert.Contains("second_party.id_number", walkIn.Status.Detail);
        var booking = await Assert.ThrowsAsync<RpcException>(() => _office.Appointments.BookAppointmentAsync(new BookAppointmentRequest
        {
            OfficeId = MarriageOffice.Id, SlotId = MarriageOffice.Slot("2026-11-02", "09:30"), FirstParty = man, SecondParty = unborn,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, booking.StatusCode);
        Assert.Contains("second_party.id_number", booking.Status.Detail);
        Assert.Equal(0, (await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id })).Waiting);

        await _office.WalkInAsync(man, woman); // the same man with a born partner is served
    }

    [Fact]
    public async Task The_disclosure_of_a_serious_illness_is_recorded_with_the_registration_not_judged()
    {
        await _office.OpenDayAsync("2026-11-02");
        var (man, woman) = Couples.Next();
        await _office.WalkInAsync(man, woman);
        var called = await _office.CallAsync(1);
        var record = await _office.RegisterAsync(called, man, woman, new Declarations
        {
            NeitherHasASpouse = true, NotCloseRelatives = true, Voluntary = true,
            FirstPartyIllness = IllnessDisclosure.DisclosedToTheOtherParty, SecondPartyIllness = IllnessDisclosure.NoSeriousIllness,
        });
        Assert.Equal(MarriageStatus.Married, record.Status);
        var registered = Assert.Single(record.History).Reason;
        Assert.Contains("serious illness: first party disclosed to the other party, second party declared none", registered);
        Assert.Contains("marital status checked against this platform's archive", registered);
    }

    public void Dispose() => _office.Dispose();
}

/// <summary>The anonymous verification route shares the per-address limit of the gateway's public routes.</summary>
public sealed class VerificationRouteLimitTests : IDisposable
{
    private readonly CivilAffairs.Gateway.Tests.GatewayOnKestrel _gateway = new(CivilAffairs.Gateway.Tests.GatewayOnKestrel.AllDown(),
        new Dictionary<string, string?> { ["RateLimits:Anonymous:PermitLimit"] = "3", ["RateLimits:Anonymous:WindowSeconds"] = "60" });

    public VerificationRouteLimitTests() => _gateway.StartServer();

    [Fact]
    public async Task The_verification_route_needs_no_key_and_is_limited_per_address_with_429()
    {
        using var anonymous = CivilAffairs.Gateway.Tests.TestPartners.Client(_gateway.HttpUrl, apiKey: null);
        // Other marriage routes still want a partner (the refusal counts against the address's allowance too).
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/marriage/v1/archive/certificates/J2026-xicheng-1-000001")).StatusCode);

        const string path = "/api/marriage/v1/certificates/J2026-xicheng-1-000001/verification?code=ABCDEFGHJKLMNPQR";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await anonymous.GetAsync(path)).StatusCode);

        // Let through to the service (which is down here), not refused for a missing key, until the limit.
        Assert.DoesNotContain(HttpStatusCode.Unauthorized, answers);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers[..2]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2]);
    }

    public void Dispose() => _gateway.Dispose();
}
