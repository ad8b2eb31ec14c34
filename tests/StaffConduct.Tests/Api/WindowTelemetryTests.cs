using System.Diagnostics;
using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>
/// The service serves all ten windows: a request's spans carry the window of the staff member concerned, learned
/// from the record, so operators can filter traces by window.
/// </summary>
public sealed class WindowTelemetryTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly TracedHost _host;

    public WindowTelemetryTests() => _host = new TracedHost(_spans);

    public void Dispose() => _host.Dispose();

    private sealed class TracedHost(List<Activity> spans) : StaffHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)));
        }
    }

    // Every in-memory host of the test run emits through the same activity sources: this test's calls run under a
    // trace of their own, and only spans of that trace are looked at.
    private ActivityTraceId _trace;

    private string? WindowOfServerSpan(string method)
    {
        lock (_spans)
            return _spans.LastOrDefault(s => s.TraceId == _trace && s.Kind == ActivityKind.Server && s.DisplayName.Contains(method))
                ?.GetTagItem("civilaffairs.window") as string;
    }

    [Fact]
    public async Task A_read_by_id_is_tagged_with_the_window_of_the_staff_member_found()
    {
        // Recorded, so the spans under it are sampled (the default sampler follows the parent).
        using (var test = new Activity("window-telemetry-test") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            _trace = test.TraceId;
            var member = await _host.RegisterAsync(WindowType.FuneralServices);
            await _host.Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = member.StaffId });
            await _host.Client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = member.StaffId, Text = "x", Deadline = _host.Date(1) });
        }
        _host.Dispose(); // flushes the exporter

        Assert.Equal("FUNERAL_SERVICES", WindowOfServerSpan("RegisterStaffMember"));
        Assert.Equal("FUNERAL_SERVICES", WindowOfServerSpan("GetStaffMember"));
        Assert.Equal("FUNERAL_SERVICES", WindowOfServerSpan("PublishCommitment"));
    }
}
