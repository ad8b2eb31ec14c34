using CivilAffairs.ServiceDefaults.Calendar;
using CivilAffairs.ServiceDefaults.Clock;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.ServiceDefaults.Tests;

public sealed class ClockAndCalendarTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    [Fact]
    public void In_development_the_clock_can_start_on_the_peak_day_and_runs_on_from_there()
    {
        var clock = DemonstrationClock.From(Settings(("Clock:Today", "2026-12-12")), Environment(Environments.Development));
        var office = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new DateOnly(2026, 12, 12), DateOnly.FromDateTime(office.DateTime));
        Assert.InRange(office.TimeOfDay - DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).TimeOfDay, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));

        var exact = DemonstrationClock.From(Settings(("Clock:Now", "2026-12-12T07:59:00+08:00")), Environment(Environments.Development));
        Assert.InRange(exact.GetUtcNow() - new DateTimeOffset(2026, 12, 11, 23, 59, 0, TimeSpan.Zero), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Outside_development_a_configured_date_is_refused_at_start_up()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            DemonstrationClock.From(Settings(("Clock:Today", "2026-12-12")), Environment(Environments.Production)));
        Assert.Contains("Development only", refused.Message);
        Assert.Same(TimeProvider.System, DemonstrationClock.From(Settings(), Environment(Environments.Production)));
        Assert.Throws<InvalidOperationException>(() => DemonstrationClock.From(Settings(("Clock:Today", "12/12/2026")), Environment(Environments.Development)));
    }

    [Fact]
    public async Task Readiness_says_when_deadlines_reach_a_year_the_calendar_does_not_have()
    {
        var calendar = WorkingDayCalendar.Official();
        var november = new CalendarCoverage(calendar, new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(HealthStatus.Healthy, (await november.CheckHealthAsync(new HealthCheckContext())).Status);

        var december = new CalendarCoverage(calendar, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)));
        var result = await december.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("does not cover 2027", result.Description);
        Assert.Contains("WorkingDays:Years:2027", result.Description);

        var added = new CalendarCoverage(WorkingDayCalendar.Official([OfficialYear.Parse(2027, ["2027-01-01"], [], "WorkingDays:Years")]),
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(HealthStatus.Healthy, (await added.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
