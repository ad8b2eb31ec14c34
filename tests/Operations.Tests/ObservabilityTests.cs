using System.Text.Json;
using System.Text.RegularExpressions;
using CivilAffairs.Operations.Tests.Deployment;
using static CivilAffairs.Operations.Tests.Deployment.KubernetesManifests;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// The operators' files (infra/observability): the alert rules and the dashboards ask only for metrics the processes
/// really serve, cover what operators are promised, and are the same files in docker-compose and Kubernetes; every
/// process logs JSON in both.
/// </summary>
[Collection(PlatformMeterCollection.Name)] // records on the platform meter
public sealed partial class ObservabilityTests
{
    private const string Folder = "infra/observability";
    private const string Rules = $"{Folder}/prometheus/alerts.yml";
    private const string Dashboard = $"{Folder}/grafana/dashboards/bureau-day.json";

    private static IEnumerable<string> RuleExpressions() =>
        Yaml.Load(Rules)["groups"].Items.SelectMany(g => g["rules"].Items).Select(r => r["expr"].Text);

    private static IEnumerable<string> DashboardExpressions() =>
        JsonDocument.Parse(Repository.Read(Dashboard)).RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!);

    [Fact]
    public async Task Every_metric_the_rules_and_dashboards_ask_for_is_one_the_platform_serves()
    {
        var (scraped, declared) = await ExportedMetrics.ScrapeAsync();
        // The naming rules are checked on the instruments this process recorded...
        Assert.All(declared, d => Assert.True(scraped.Contains(ExportedMetrics.PrometheusName(d.Instrument, d.Unit, d.Kind)),
            $"{d.Instrument} is not served as {ExportedMetrics.PrometheusName(d.Instrument, d.Unit, d.Kind)}; served: {string.Join(", ", scraped.Order())}"));
        // ...then applied to the outbox relay's, which only record while a relay delivers.
        var outbox = ExportedMetrics.Declared(Repository.Read("services/ServiceDefaults/Outbox/OutboxRelay.cs"));
        Assert.Equal(5, outbox.Count);
        var served = scraped.Concat(outbox.Select(o => ExportedMetrics.PrometheusName(o.Instrument, o.Unit, o.Kind))).Append("up").ToHashSet();

        var asked = RuleExpressions().Concat(DashboardExpressions())
            .SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .Select(n => Regex.Replace(n, "_(bucket|count|sum)$", ""))
            .Where(n => n != "civilaffairs_window") // the window label, not a metric
            .ToHashSet();
        Assert.Contains("civilaffairs_outbox_oldest_age_seconds", asked);
        Assert.Empty(asked.Except(served).Order());
    }

    [Fact]
    public void The_alerts_cover_the_outbox_server_errors_deadlines_and_readiness()
    {
        var alerts = Yaml.Load(Rules)["groups"].Items.SelectMany(g => g["rules"].Items)
            .ToDictionary(r => r["alert"].Text, r => r["expr"].Text);
        Assert.Contains("civilaffairs_outbox_oldest_age_seconds", alerts["OutboxMessagesWaiting"]);
        Assert.Contains("civilaffairs_outbox_dead_lettered_total", alerts["OutboxDeadLetters"]);
        Assert.Contains("by (civilaffairs_window)", alerts["ServerErrorsInAWindow"]);
        Assert.Contains("civilaffairs_rectifications_overdue", alerts["RectificationsOverdue"]);
        Assert.Contains("civilaffairs_applications_overdue", alerts["ApplicationsOverdue"]);
        Assert.Contains("civilaffairs_health_ready", alerts["ServiceNotReady"]);
        Assert.Contains("up{", alerts["ServiceDown"]);
    }

    [Fact]
    public void The_dashboard_shows_a_day_per_window()
    {
        var expressions = DashboardExpressions().ToList();
        var dashboard = JsonDocument.Parse(Repository.Read(Dashboard)).RootElement;
        Assert.Equal("window", dashboard.GetProperty("templating").GetProperty("list")[0].GetProperty("name").GetString());
        foreach (var metric in new[] { "http_server_request_duration_seconds_count", "civilaffairs_refusals_total", "civilaffairs_bookings_total",
                     "civilaffairs_slot_fill", "civilaffairs_queue_length", "civilaffairs_check_in_to_certificate_duration_seconds_bucket",
                     "civilaffairs_ratings_total", "civilaffairs_rectifications_open", "civilaffairs_rectifications_overdue" })
            Assert.Contains(expressions, e => e.Contains(metric, StringComparison.Ordinal) && e.Contains("$window", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_and_Kubernetes_use_the_same_rule_and_dashboard_files()
    {
        var compose = Yaml.Load("infra/docker-compose.yml")["services"];
        var prometheusVolumes = compose["prometheus"]["volumes"].Items.Select(v => v.Text).ToList();
        Assert.Contains("./observability/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro", prometheusVolumes);
        Assert.Contains("./observability/grafana/dashboards:/var/lib/grafana/dashboards:ro", compose["grafana"]["volumes"].Items.Select(v => v.Text));
        Assert.Contains("/etc/prometheus/alerts.yml", Repository.Read($"{Folder}/prometheus/prometheus.yml"));

        var generated = Yaml.Load($"{Folder}/kustomization.yaml")["configMapGenerator"].Items
            .ToDictionary(g => g["name"].Text, g => g["files"].Items.Select(f => f.Text.Split('=')[1]).ToList());
        Assert.Equal(["prometheus/alerts.yml"], generated["prometheus-rules"]);
        Assert.Equal(["grafana/dashboards/bureau-day.json"], generated["grafana-dashboards"]);
        Assert.All(generated.Values.SelectMany(f => f), file => Assert.True(File.Exists(Repository.PathOf($"{Folder}/{file}")), file));
        Assert.Contains("/etc/prometheus/rules/alerts.yml", Repository.Read($"{Folder}/prometheus/prometheus-k8s.yml"));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_process_logs_json_in_containers_and_is_scraped_on_its_management_port(string name)
    {
        var app = App.Named(name);
        Assert.Equal("json", Yaml.Load("infra/docker-compose.yml")["services"][app.Name]["environment"].Strings["Logging__Console__FormatterName"]);
        var deployment = Get("Deployment", app.Name);
        Assert.Equal("json", Environment(deployment)["Logging__Console__FormatterName"]);
        // /metrics answers on the management port (Management:Port of appsettings.json) only: Kubernetes finds it
        // by the pod's annotations, on the port the pod declares as "management"...
        var annotations = deployment["spec"]["template"]["metadata"]["annotations"].Strings;
        Assert.Equal(("true", $"{app.ManagementPort}", CivilAffairs.ServiceDefaults.Metrics.MetricsExtensions.ScrapePath),
            (annotations["prometheus.io/scrape"], annotations["prometheus.io/port"], annotations["prometheus.io/path"]));
        Assert.Contains(Container(deployment)["ports"].Items,
            p => p["name"].Text == "management" && p["containerPort"].Text == $"{app.ManagementPort}");
        // ...and compose's Prometheus scrapes it by the compose service's name, under the app's job, there alone.
        var job = Yaml.Load($"{Folder}/prometheus/prometheus.yml")["scrape_configs"].Items.Single(j => j["job_name"].Text == app.Name);
        Assert.Equal([$"{app.Name}:{app.ManagementPort}"], job["static_configs"].Items.SelectMany(c => c["targets"].Items).Select(t => t.Text));
        Assert.False(job.Has("metrics_path"), "the default path, /metrics");
    }

    [GeneratedRegex(@"\b(civilaffairs_[a-z_]+|http_server_[a-z_]+|up)\b(?=\s*[{\[)])")]
    private static partial Regex MetricName();
}
