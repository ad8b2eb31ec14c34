using CivilAffairs.Gateway.Tests;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SocialAssistance.Api;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// The service in memory on a fresh SQLite file, with a real staff-conduct server beside it, the county 110105's
/// standard (1,470 yuan, assets 35,280 yuan a person), a gRPC client and request builders.
/// Through the gateway, the service listens on real sockets (Kestrel) with the real gateway in front, and the client's
/// channel goes through the gateway as the partner with every scope.
/// </summary>
public sealed class AssistanceHost : ServiceHost<SocialAssistanceApi>, IAsyncLifetime
{
    private readonly bool _throughGateway;
    private readonly string _httpUrl = "";
    private readonly string _grpcUrl = "";

    public const long Standard = 147_000;
    public const long AssetLimit = 3_528_000;

    private V1.SocialAssistance.SocialAssistanceClient? _client;

    public StaffConductServer Staff { get; private set; } = null!;

    /// <summary>The gateway in front of the service, when the host runs through it.</summary>
    public GatewayInFront? Front { get; private set; }

    public AssistanceHost() : this(throughGateway: false) { }

    /// <summary>The service on Kestrel with the real gateway in front; <see cref="Client"/> goes through the gateway.</summary>
    public static AssistanceHost ThroughGateway(DateOnly? startsOn = null) => new(throughGateway: true, startsOn);

    /// <summary>A host whose clock starts at 09:00 China time on <paramref name="day"/> (the clock only moves forward).</summary>
    public static AssistanceHost StartingOn(DateOnly day) => new(throughGateway: false, day);

    private AssistanceHost(bool throughGateway, DateOnly? startsOn = null)
        : base(new DateTimeOffset((startsOn ?? new DateOnly(2026, 11, 2)).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero))
    {
        _throughGateway = throughGateway;
        if (!throughGateway) return;
        (_httpUrl, _grpcUrl) = (FreePort.Url(), FreePort.Url());
        With("Kestrel:Endpoints:Http:Url", _httpUrl);
        With("Kestrel:Endpoints:Grpc:Url", _grpcUrl);
        UseKestrel();
    }

    /// <summary>What the outbox relay delivered to feedback and staff-conduct.</summary>
    public RecordingOutboxTransport Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IOutboxTransport>(Events));
    }

    public async Task InitializeAsync()
    {
        Staff = await StaffConductServer.StartAsync();
        With("Services:staff-conduct:Grpc", Staff.Address);
        With("Resilience:Grpc:TotalTimeout", "00:00:03");
        With("Assistance:Standards:0:CountyCode", "110105");
        With("Assistance:Standards:0:EffectiveFrom", "2025-07-01");
        With("Assistance:Standards:0:MonthlyStandardFen", Standard.ToString());
        With("Assistance:Standards:0:AssetLimitPerCapitaFen", AssetLimit.ToString());
        With("Assistance:Standards:1:CountyCode", "110105");
        With("Assistance:Standards:1:EffectiveFrom", "2027-07-01");
        With("Assistance:Standards:1:MonthlyStandardFen", "152000");
        With("Assistance:Standards:1:AssetLimitPerCapitaFen", "3648000");
        if (!_throughGateway) return;
        StartServer();
        Front = new GatewayInFront("social-assistance", _httpUrl, _grpcUrl);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Front?.Dispose();
        await Staff.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Moves the bureau's clock to 09:00 China time on the day.</summary>
    public void SetToday(DateOnly day) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public V1.SocialAssistance.SocialAssistanceClient Client => _client ??= new(Front?.Grpc ?? Channel());

    public static MemberInput Member(string name, string idNumber, Relation relation, long incomeFen = 0) =>
        new() { Name = name, IdNumber = idNumber, Relation = relation, MonthlyIncomeFen = incomeFen };

    public static RegisterHouseholdRequest Household(params MemberInput[] members)
    {
        var request = new RegisterHouseholdRequest { CountyCode = "110105", Address = "朝阳区幸福路 8 号" };
        request.Members.AddRange(members);
        return request;
    }

    /// <summary>A head of household and a spouse, new people each time.</summary>
    public static RegisterHouseholdRequest Couple(long headIncomeFen = 60_000, long spouseIncomeFen = 0) => Household(
        Member("王建国", IdNumbers.Man(50), Relation.Head, headIncomeFen),
        Member("刘秀英", IdNumbers.Woman(48), Relation.Spouse, spouseIncomeFen));

    public async Task<V1.Household> RegisterAsync(RegisterHouseholdRequest? request = null) =>
        await Client.RegisterHouseholdAsync(request ?? Couple());

    public async Task<V1.DibaoApplication> ApplyAsync(string householdId) =>
        await Client.SubmitDibaoApplicationAsync(new SubmitDibaoApplicationRequest
        {
            HouseholdId = householdId, ApplicantKind = ApplicantKind.Household, Reason = "失业",
        });
}

public static class RpcAssert
{
    public static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    /// <summary>The fields named by an INVALID_ARGUMENT's google.rpc.BadRequest detail.</summary>
    public static IReadOnlyList<string> Fields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    /// <summary>OK, or the status code the call failed with.</summary>
    public static async Task<StatusCode> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }

    public static string? Rule(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type;
}
