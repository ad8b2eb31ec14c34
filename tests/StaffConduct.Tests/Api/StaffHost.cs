using CivilAffairs.Common.V1;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.StaffConduct.Api;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>The service in memory on a fresh SQLite file (or on Kestrel behind the real gateway), with a gRPC client and
/// a few request makers.</summary>
public class StaffHost : ServiceHost<StaffConductApi>
{
    private static int _badge;

    private V1.StaffConduct.StaffConductClient? _client;

    /// <summary>The gateway in front of the service, once <see cref="PutBehindGateway"/> has run.</summary>
    public GatewayInFront? Front { get; private set; }

    public StaffHost()
    {
        // No test depends on what listens on this machine: the feedback service is nowhere unless a test says where.
        With("Services:feedback:Grpc", "http://127.0.0.1:9");
        With("Resilience:Grpc:MaxRetries", "1").With("Resilience:Grpc:TotalTimeout", "00:00:02");
    }

    /// <summary>2026-11-02 09:00 in Beijing.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).DateTime);

    public V1.StaffConduct.StaffConductClient Client => _client ??= new V1.StaffConduct.StaffConductClient(Front?.Grpc ?? Channel());

    /// <summary>
    /// Starts the service on Kestrel (free ports, with the settings given so far) and the real gateway in front of it;
    /// <see cref="Client"/> then goes through the gateway as the partner with every scope.
    /// </summary>
    public void PutBehindGateway()
    {
        var (http, grpc) = (FreePort.Url(), FreePort.Url());
        With("Kestrel:Endpoints:Http:Url", http).With("Kestrel:Endpoints:Grpc:Url", grpc);
        UseKestrel();
        StartServer();
        Front = new GatewayInFront("staff-conduct", http, grpc);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Front?.Dispose();
        base.Dispose(disposing);
    }

    public static string NextBadge() => $"B-{Interlocked.Increment(ref _badge):D5}";

    public static RegisterStaffMemberRequest Member(WindowType window = WindowType.MarriageRegistration, string office = "office-1",
        string? badge = null, string name = "张晓明") => new()
    {
        Name = name,
        BadgeNumber = badge ?? NextBadge(),
        PhotoUrl = "https://bureau.example.cn/photos/a.jpg",
        Window = window,
        OfficeId = office,
        Post = "婚姻登记员",
        Duties = { "受理结婚登记", "颁发结婚证" },
        PartyMember = true,
    };

    public async Task<V1.StaffMember> RegisterAsync(WindowType window = WindowType.MarriageRegistration, string office = "office-1") =>
        await Client.RegisterStaffMemberAsync(Member(window, office));

    public string Date(int daysFromToday) => Dates.Format(Today.AddDays(daysFromToday));
}

public static class RpcErrors
{
    /// <summary>The fields named by an INVALID_ARGUMENT's BadRequest detail.</summary>
    public static IReadOnlyList<string> Fields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
