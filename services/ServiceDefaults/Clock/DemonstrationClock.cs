using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Clock;

/// <summary>
/// The platform's clock: the system's, or, in the Development environment only, one that starts at a configured moment
/// and runs on from there, so a peak day, a divorce timeline or a deadline can be played through the gateway.
/// <c>Clock:Today=2026-12-12</c> keeps the time of day; <c>Clock:Now=2026-12-12T07:59:00+08:00</c> sets it exactly.
/// Outside Development the setting is refused at start-up: production never runs on a made-up date.
/// </summary>
public sealed class DemonstrationClock(TimeSpan shift) : TimeProvider
{
    public const string TodayKey = "Clock:Today";
    public const string NowKey = "Clock:Now";

    public TimeSpan Shift { get; } = shift;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    /// <summary>The clock configuration asks for: the system clock when none is set.</summary>
    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        var today = configuration[TodayKey];
        var now = configuration[NowKey];
        if (string.IsNullOrWhiteSpace(today) && string.IsNullOrWhiteSpace(now)) return System;
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{TodayKey}/{NowKey} is set in the {environment.EnvironmentName} environment: a demonstration clock runs in Development only.");
        var real = System.GetUtcNow();
        DateTimeOffset start;
        if (!string.IsNullOrWhiteSpace(now))
        {
            if (!DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                throw new InvalidOperationException($"{NowKey} must be a moment with its offset, e.g. 2026-12-12T07:59:00+08:00, not '{now}'");
        }
        else
        {
            if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidOperationException($"{TodayKey} must be a date YYYY-MM-DD, not '{today}'");
            // Office time (UTC+8): the same time of day, on the configured date.
            var office = real.ToOffset(TimeSpan.FromHours(8));
            start = new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(office.TimeOfDay)), office.Offset);
        }
        return new DemonstrationClock(start - real);
    }
}
