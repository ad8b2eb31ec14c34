using System.Globalization;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.ServiceDefaults.Calendar;

public static class CalendarExtensions
{
    /// <summary>How far ahead deadlines reach: a calendar that does not cover today and this many days says so.</summary>
    public const int DaysAhead = 60;

    /// <summary>
    /// The platform's one working-day calendar (SharedKernel's official-calendar.json) with the years an operator adds
    /// by configuration when they are announced: <c>WorkingDays:Years:&lt;year&gt;:Holidays</c> and
    /// <c>:WorkedWeekendDays</c> (dates or ranges <c>first..last</c>). Readiness reports (degraded, with the reason) and
    /// the log warns when it does not cover today and the next 60 days.
    /// </summary>
    public static IHostApplicationBuilder AddOfficialCalendar(this IHostApplicationBuilder builder)
    {
        var added = builder.Configuration.GetSection("WorkingDays:Years").GetChildren().Select(year => OfficialYear.Parse(
            int.Parse(year.Key, CultureInfo.InvariantCulture),
            year.GetSection("Holidays").Get<string[]>() ?? [],
            year.GetSection("WorkedWeekendDays").Get<string[]>() ?? [],
            "WorkingDays:Years")).ToList();
        builder.Services.AddSingleton(WorkingDayCalendar.Official(added));
        builder.Services.AddHealthChecks().AddCheck<CalendarCoverage>("calendar", tags: ["ready"]);
        builder.Services.AddHostedService<CalendarCoverageWarning>();
        return builder;
    }

    internal static string? Gap(WorkingDayCalendar calendar, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var until = today.AddDays(DaysAhead);
        if (calendar.Covers(today, until)) return null;
        var missing = Enumerable.Range(today.Year, until.Year - today.Year + 1).Where(y => !calendar.Covers(new DateOnly(y, 1, 1), new DateOnly(y, 1, 1)));
        var years = string.Join(", ", missing);
        return $"the official calendar does not cover {years} (today {Dates.Format(today)} and the next {DaysAhead} days): deadlines there count " +
            $"Monday to Friday without holidays until the year is added (WorkingDays:Years:{missing.First()})";
    }
}

/// <summary>Readiness: degraded (still serving, with the reason) while the calendar misses a year deadlines reach.</summary>
internal sealed class CalendarCoverage(WorkingDayCalendar calendar, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(CalendarExtensions.Gap(calendar, time) is { } gap
            ? HealthCheckResult.Degraded(gap)
            : HealthCheckResult.Healthy($"covers {string.Join(", ", calendar.AnnouncedYears ?? [])}"));
}

internal sealed class CalendarCoverageWarning(WorkingDayCalendar calendar, TimeProvider time, ILogger<CalendarCoverageWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (CalendarExtensions.Gap(calendar, time) is { } gap) logger.LogWarning("Working-day calendar: {Gap}", gap);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
