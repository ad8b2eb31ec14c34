using System.Diagnostics.Metrics;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.ServiceDefaults.Metrics;

/// <summary>
/// The domain metrics operators watch, every one labelled with the window (<c>civilaffairs.window</c>), on the meter
/// <see cref="MeterName"/> (exported over OTLP and on <c>/metrics</c>). Services inject this and call it where the
/// event happens; labels are low-cardinality words only (window, state, level, rule), never a person, an ID number
/// or a record id. Gauges are snapshots: a service records them when it counts (e.g. after a change or on a timer).
/// </summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "CivilAffairs.Platform";

    private readonly Counter<long> _bookings;
    private readonly Gauge<double> _slotFill;
    private readonly Counter<long> _refusals;
    private readonly Histogram<double> _checkInToCertificate;
    private readonly Gauge<long> _queueLength;
    private readonly Gauge<long> _applications;
    private readonly Gauge<long> _overdueApplications;
    private readonly Counter<long> _ratings;
    private readonly Gauge<long> _openRectifications;
    private readonly Gauge<long> _overdueRectifications;
    private readonly Counter<long> _rectificationSteps;

    public PlatformMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("civilaffairs.bookings", "{booking}", "Appointments booked");
        _slotFill = meter.CreateGauge<double>("civilaffairs.slot.fill", "1",
            "Share of a slot's places taken (0-1), as of the last booking or cancellation");
        _refusals = meter.CreateCounter<long>("civilaffairs.refusals", "{refusal}",
            "Requests refused by a rule (label rule: the stable rule name, e.g. slot-full)");
        _checkInToCertificate = meter.CreateHistogram<double>("civilaffairs.check_in_to_certificate.duration", "s",
            "Time from a couple's check-in at the hall to their certificate");
        _queueLength = meter.CreateGauge<long>("civilaffairs.queue.length", "{ticket}", "Tickets waiting in the hall");
        _applications = meter.CreateGauge<long>("civilaffairs.applications", "{application}",
            "Applications by state (label state)");
        _overdueApplications = meter.CreateGauge<long>("civilaffairs.applications.overdue", "{application}",
            "Applications past their statutory time limit");
        _ratings = meter.CreateCounter<long>("civilaffairs.ratings", "{rating}",
            "Ratings by level (label level); satisfaction rate = (VERY_SATISFIED + SATISFIED) / all");
        _openRectifications = meter.CreateGauge<long>("civilaffairs.rectifications.open", "{case}",
            "Rectification cases open");
        _overdueRectifications = meter.CreateGauge<long>("civilaffairs.rectifications.overdue", "{case}",
            "Rectification cases past their deadline");
        _rectificationSteps = meter.CreateCounter<long>("civilaffairs.rectifications.steps", "{step}",
            "Steps taken on rectification cases (label action: VERIFIED, FIXED_NOW, REPLIED, ...)");
    }

    public void AppointmentBooked(Window window) => _bookings.Add(1, WindowTag(window));

    public void SlotFilled(Window window, int taken, int capacity)
    {
        if (capacity > 0) _slotFill.Record((double)taken / capacity, WindowTag(window));
    }

    /// <param name="rule">the stable rule name of the refusal (RuleViolated.Rule), e.g. <c>slot-full</c></param>
    public void Refused(Window window, string rule) =>
        _refusals.Add(1, WindowTag(window), new("rule", rule));

    public void CertificateIssued(Window window, TimeSpan sinceCheckIn) =>
        _checkInToCertificate.Record(sinceCheckIn.TotalSeconds, WindowTag(window));

    public void QueueLength(Window window, long waiting) => _queueLength.Record(waiting, WindowTag(window));

    /// <param name="state">the application state's code, e.g. <c>UNDER_INVESTIGATION</c></param>
    public void ApplicationsInState(Window window, string state, long count) =>
        _applications.Record(count, WindowTag(window), new("state", state));

    public void OverdueApplications(Window window, long count) => _overdueApplications.Record(count, WindowTag(window));

    /// <param name="level">the rating level's code, e.g. <c>SATISFIED</c></param>
    public void Rated(Window window, string level) => _ratings.Add(1, WindowTag(window), new("level", level));

    public void Rectifications(Window window, long open, long overdue)
    {
        _openRectifications.Record(open, WindowTag(window));
        _overdueRectifications.Record(overdue, WindowTag(window));
    }

    public void OverdueRectifications(Window window, long overdue) => _overdueRectifications.Record(overdue, WindowTag(window));

    /// <param name="action">the step's code, e.g. <c>VERIFIED</c></param>
    public void RectificationStep(Window window, string action) => _rectificationSteps.Add(1, WindowTag(window), new("action", action));

    private static KeyValuePair<string, object?> WindowTag(Window window) =>
        new(WindowTelemetry.Key, window.Code());
}
