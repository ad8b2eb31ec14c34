using CivilAffairs.Marriage.Api;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// A marriage office in memory with its three gRPC faces and a clock the test moves in office time (Asia/Shanghai),
/// plus the steps a clerk takes, so scenario tests read like a day at the office. Through the gateway, the service
/// listens on real sockets with the real gateway in front, and every client call goes in as the all-scopes partner.
/// </summary>
internal sealed class MarriageOffice : IDisposable
{
    public const string Id = "xicheng-1";
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public ServiceHost<MarriageAppointmentsApi> Host { get; }
    public MarriageAppointments.MarriageAppointmentsClient Appointments { get; }
    public MarriageHall.MarriageHallClient Hall { get; }
    public MarriageRegistry.MarriageRegistryClient Registry { get; }

    /// <summary>The gateway in front, when the office runs through it.</summary>
    public CivilAffairs.Gateway.Tests.GatewayInFront? Front { get; }

    /// <param name="storeFile">A store file to start on (copied), e.g. one an earlier release wrote.</param>
    /// <param name="throughGateway">The service on Kestrel behind the real gateway; the clients call the gateway.</param>
    public MarriageOffice(DateTime localNow, string? storeFile = null, bool throughGateway = false)
    {
        Host = new ServiceHost<MarriageAppointmentsApi>(new DateTimeOffset(localNow, Offset));
        if (storeFile is not null) File.Copy(storeFile, Host.StorePath);
        Grpc.Net.Client.GrpcChannel channel;
        if (throughGateway)
        {
            var (http, grpc) = (FreePort.Url(), FreePort.Url());
            Host.With("Kestrel:Endpoints:Http:Url", http).With("Kestrel:Endpoints:Grpc:Url", grpc);
            Host.UseKestrel();
            Host.StartServer();
            Front = new CivilAffairs.Gateway.Tests.GatewayInFront("marriage", http, grpc);
            channel = Front.Grpc;
        }
        else
        {
            channel = Host.Channel();
        }
        Appointments = new MarriageAppointments.MarriageAppointmentsClient(channel);
        Hall = new MarriageHall.MarriageHallClient(channel);
        Registry = new MarriageRegistry.MarriageRegistryClient(channel);
    }

    /// <summary>Sets the clock to a local office time.</summary>
    public void At(DateTime localNow) => Host.Clock.SetUtcNow(new DateTimeOffset(localNow, Offset));

    public DateTime LocalNow => Host.Clock.GetUtcNow().ToOffset(Offset).DateTime;

    public void Wait(TimeSpan span) => Host.Clock.Advance(span);

    public async Task<V1.CalendarDay> OpenDayAsync(string date, int capacity = 10, int windows = 3, bool appointmentOnly = false)
    {
        var request = new OpenDayRequest { OfficeId = Id, Date = date, Windows = windows, AppointmentOnly = appointmentOnly };
        request.Slots.Add(new SlotSpec { StartTime = "09:00", EndTime = "09:30", Capacity = capacity });
        request.Slots.Add(new SlotSpec { StartTime = "09:30", EndTime = "10:00", Capacity = capacity });
        return await Appointments.OpenDayAsync(request);
    }

    public static string Slot(string date, string time) => $"{Id}-{date.Replace("-", "")}-{time.Replace(":", "")}";

    public async Task<(V1.Appointment Appointment, Party Man, Party Woman)> BookAsync(string slotId)
    {
        var booking = Couples.Booking(Id, slotId);
        return (await Appointments.BookAppointmentAsync(booking), booking.FirstParty, booking.SecondParty);
    }

    public Task<Ticket> CheckInAsync(V1.Appointment appointment, Party man, Party woman) =>
        Hall.CheckInAsync(new CheckInRequest
        {
            OfficeId = Id, AppointmentId = appointment.AppointmentId,
            FirstParty = new Party { IdNumber = woman.IdNumber }, SecondParty = new Party { IdNumber = man.IdNumber },
        }).ResponseAsync;

    public Task<Ticket> WalkInAsync(Party man, Party woman) =>
        Hall.CheckInAsync(new CheckInRequest { OfficeId = Id, FirstParty = man, SecondParty = woman }).ResponseAsync;

    public Task<Ticket> CallAsync(int window) => Hall.CallNextAsync(new CallNextRequest { OfficeId = Id, WindowNumber = window }).ResponseAsync;

    public Task<V1.MarriageRecord> RegisterAsync(Ticket ticket, Party man, Party woman, Declarations? declarations = null) =>
        Registry.RegisterMarriageAsync(new RegisterMarriageRequest
        {
            TicketId = ticket.TicketId, WindowNumber = ticket.WindowNumber, ClerkId = "clerk-07",
            FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            Declarations = declarations ?? new Declarations { NeitherHasASpouse = true, NotCloseRelatives = true, Voluntary = true },
        }).ResponseAsync;

    /// <summary>A walk-in couple checked in, called at <paramref name="window"/> and registered on the spot.</summary>
    public async Task<(V1.MarriageRecord Record, Party Man, Party Woman)> MarryAsync(int window = 1)
    {
        var (man, woman) = Couples.Next();
        await WalkInAsync(man, woman);
        var called = await CallAsync(window);
        return (await RegisterAsync(called, man, woman), man, woman);
    }

    public static Party Person(DateOnly birth, Sex sex, string name = "赵六") =>
        new() { Name = name, IdNumber = IdNumbers.Make(birth, sex), Phone = "13700000000" };

    /// <summary>A REST client to the gateway with no partner key: an anonymous member of the public.</summary>
    public HttpClient Anonymous() => CivilAffairs.Gateway.Tests.TestPartners.Client(Front!.Gateway.HttpUrl, apiKey: null);

    public void Dispose()
    {
        Front?.Dispose();
        Host.Dispose();
    }
}
