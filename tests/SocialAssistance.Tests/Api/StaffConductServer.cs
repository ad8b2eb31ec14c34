using System.Net;
using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// A small real staff-conduct gRPC server on a loopback port (Kestrel, HTTP/2), answering GetStaffMember from a fixed
/// roster, so the service's client, resilience pipeline and error handling run for real. Stop it to see UNAVAILABLE.
/// </summary>
public sealed class StaffConductServer : IAsyncDisposable
{
    public const string Caseworker = "sc_caseworker";
    public const string Clerk = "sc_clerk";
    public const string Approver = "sc_approver";
    public const string MarriageClerk = "sc_marriage";

    private static readonly Dictionary<string, (string Name, WindowType Window)> Roster = new()
    {
        [Caseworker] = ("李救助", WindowType.SocialAssistance),
        [Clerk] = ("王受理", WindowType.SocialAssistance),
        [Approver] = ("张审核", WindowType.SocialAssistance),
        [MarriageClerk] = ("赵婚登", WindowType.MarriageRegistration),
    };

    private readonly WebApplication _app;

    public string Address { get; }

    private StaffConductServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public static async Task<StaffConductServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the service's appsettings.json (its Kestrel ports): this server takes none of it.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<Roster_>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaffConductServer(app, address);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Roster_ : StaffConduct.V1.StaffConduct.StaffConductBase
    {
        public override Task<StaffMember> GetStaffMember(GetStaffMemberRequest request, ServerCallContext context) =>
            Roster.TryGetValue(request.StaffId, out var entry)
                ? Task.FromResult(new StaffMember { StaffId = request.StaffId, Name = entry.Name, Window = entry.Window })
                : throw new RpcException(new Status(StatusCode.NotFound, $"staff member '{request.StaffId}' was not found"));
    }
}
