using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivilAffairs.ServiceDefaults.Metrics;

/// <summary>
/// <c>civilaffairs.health.ready</c> (Prometheus <c>civilaffairs_health_ready</c>): 1 while the process would answer
/// <c>/health/ready</c> with 200 (its store answers), 0 while it would not; recorded each time the health checks are
/// published (every 30 s), so alerts see a process that is up but not ready. Meter CivilAffairs.Health.
/// </summary>
internal sealed class ReadinessMetric : IHealthCheckPublisher
{
    private readonly Gauge<int> _ready;

    public ReadinessMetric(IMeterFactory meters) =>
        _ready = meters.Create("CivilAffairs.Health").CreateGauge<int>("civilaffairs.health.ready", "1", "1 when the process is ready (its store answers), else 0");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var checks = report.Entries.Values.Where(e => e.Tags.Contains("live") || e.Tags.Contains("ready")).ToList();
        _ready.Record(checks.All(e => e.Status == HealthStatus.Healthy) ? 1 : 0);
        return Task.CompletedTask;
    }
}
