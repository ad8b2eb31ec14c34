using CivilAffairs.Marriage.Api;
using CivilAffairs.Marriage.V1;
using CivilAffairs.ServiceDefaults.Clock;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivilAffairs.Marriage.Tests;

/// <summary>Walk-ins take one ticket per person, through the gateway.</summary>
public sealed class WalkInsThroughGatewayTests : IDisposable
{
    private readonly MarriageOffice _office = new(new DateTime(2026, 11, 2, 9, 0, 0), throughGateway: true);

    [Fact]
    public async Task A_walk_in_is_refused_twice_the_same_couple_and_the_same_person_with_another_partner()
    {
        await _office.OpenDayAsync("2026-11-02");
        var (man, woman) = Couples.Next();
        var ticket = await _office.WalkInAsync(man, woman);

        var sameCouple = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(man, woman));
        Assert.Equal(StatusCode.FailedPrecondition, sameCouple.StatusCode);
        Assert.Contains($"this couple already holds ticket {ticket.Number}", sameCouple.Status.Detail);
        var otherPartner = await Assert.ThrowsAsync<RpcException>(() => _office.WalkInAsync(Couples.Next().Man, woman));
        Assert.Equal(StatusCode.FailedPrecondition, otherPartner.StatusCode);
        Assert.Contains("second_party already holds ticket W001 today with another partner", otherPartner.Status.Detail);
        Assert.Equal(1, (await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id })).Waiting);

        // Once served, the ticket holds nobody: the man may queue again (here: to be refused as married, by the archive).
        var called = await _office.CallAsync(1);
        await _office.RegisterAsync(called, man, woman);
        var again = await _office.WalkInAsync(man, Couples.Next().Woman);
        Assert.Equal("W002", again.Number);
    }

    public void Dispose() => _office.Dispose();
}

/// <summary>
/// The Development clock: a host started with <c>Clock__Today=2026-12-12</c> in Development lives on 12 December, so the
/// peak day can be played through the gateway; outside Development the setting stops the start.
/// </summary>
public sealed class DevelopmentClockThroughGatewayTests : IDisposable
{
    private readonly DevelopmentMarriage _marriage = new();
    private readonly CivilAffairs.Gateway.Tests.GatewayInFront _front;

    public DevelopmentClockThroughGatewayTests()
    {
        _marriage.StartServer();
        _front = new CivilAffairs.Gateway.Tests.GatewayInFront("marriage", _marriage.HttpUrl, _marriage.GrpcUrl);
    }

    [Fact]
    public async Task The_Development_clock_plays_12_December_through_the_gateway()
    {
        var appointments = new MarriageAppointments.MarriageAppointmentsClient(_front.Grpc);
        var hall = new MarriageHall.MarriageHallClient(_front.Grpc);
        var registry = new V1.MarriageRegistry.MarriageRegistryClient(_front.Grpc);

        var yesterday = await Assert.ThrowsAsync<RpcException>(() => appointments.OpenDayAsync(Day("2026-12-11")).ResponseAsync);
        Assert.Contains("must be today or later", yesterday.Status.Detail);
        await appointments.OpenDayAsync(Day("2026-12-12"));

        var (man, woman) = Couples.Next();
        var ticket = await hall.CheckInAsync(new CheckInRequest { OfficeId = MarriageOffice.Id, FirstParty = man, SecondParty = woman });
        Assert.Equal("2026-12-12", ticket.Date);
        var called = await hall.CallNextAsync(new CallNextRequest { OfficeId = MarriageOffice.Id, WindowNumber = 1 });
        var record = await registry.RegisterMarriageAsync(new RegisterMarriageRequest
        {
            TicketId = called.TicketId, WindowNumber = 1, ClerkId = "clerk-07", FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            Declarations = new Declarations { NeitherHasASpouse = true, NotCloseRelatives = true, Voluntary = true },
        });
        Assert.Equal("2026-12-12", record.RegisteredOn);
        Assert.StartsWith("J2026-xicheng-1-", record.CurrentCertificateNumber);
        // The key of appsettings.Development.json signs the codes of the developer run.
        Assert.NotEmpty(record.Certificates.Single().VerificationCode);
    }

    private static OpenDayRequest Day(string date)
    {
        var request = new OpenDayRequest { OfficeId = MarriageOffice.Id, Date = date, Windows = 2 };
        request.Slots.Add(new SlotSpec { StartTime = "09:00", EndTime = "17:00", Capacity = 100 });
        return request;
    }

    public void Dispose()
    {
        _front.Dispose();
        _marriage.Dispose();
    }

    /// <summary>The marriage service as a developer runs it: Development, its own clock set by configuration (not a test clock),
    /// the Development verification key, on real sockets.</summary>
    private sealed class DevelopmentMarriage : WebApplicationFactory<MarriageAppointmentsApi>
    {
        private readonly TempDirectory _directory = new();
        public string HttpUrl { get; } = FreePort.Url();
        public string GrpcUrl { get; } = FreePort.Url();

        public DevelopmentMarriage() => UseKestrel();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting(DemonstrationClock.TodayKey, "2026-12-12");
            builder.UseSetting("Storage:Provider", "sqlite");
            builder.UseSetting("Storage:Sqlite:Path", _directory.File("store.db"));
            builder.UseSetting("Management:Port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Kestrel:Endpoints:Http:Url", HttpUrl);
            builder.UseSetting("Kestrel:Endpoints:Grpc:Url", GrpcUrl);
            // The test gateway's key is trusted; the certificate key is the one of appsettings.Development.json.
            foreach (var (key, value) in TestCallers.Settings("marriage").Where(s => s.Key.StartsWith("ServiceAuth:", StringComparison.Ordinal)))
                builder.UseSetting(key, value);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _directory.Dispose();
        }
    }
}

/// <summary>What stops the marriage service at start-up outside Development.</summary>
public sealed class StartUpRefusalsTests
{
    private static string Refusal(params (string Key, string? Value)[] settings)
    {
        using var host = new ServiceHost<MarriageAppointmentsApi>();
        foreach (var (key, value) in settings) host.With(key, value);
        var error = Assert.ThrowsAny<Exception>(() => host.Services);
        for (var e = error; e is not null; e = e.InnerException)
            if (e is InvalidOperationException) return e.Message;
        return error.Message;
    }

    [Fact]
    public void Outside_Development_the_demonstration_clock_is_refused_at_start_up()
    {
        Assert.Contains("Development only", Refusal((DemonstrationClock.TodayKey, "2026-12-12")));
    }

    [Fact]
    public void Outside_Development_the_service_refuses_to_start_without_its_own_certificate_verification_key()
    {
        Assert.Contains("is not set", Refusal(("Marriage:Certificates:VerificationKey", "")));
        Assert.Contains("development key", Refusal(("Marriage:Certificates:VerificationKey", CertificateVerificationKey.DevelopmentKey)));
    }
}
