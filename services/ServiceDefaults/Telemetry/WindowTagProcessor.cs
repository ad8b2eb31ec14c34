using System.Diagnostics;
using OpenTelemetry;

namespace CivilAffairs.ServiceDefaults.Telemetry;

/// <summary>
/// Writes <c>civilaffairs.window</c> on every span: from baggage when the span starts, again when it ends (the
/// service may learn the window from the record it served), and otherwise the process's default window.
/// </summary>
internal sealed class WindowTagProcessor(string defaultWindow) : BaseProcessor<Activity>
{
    public override void OnStart(Activity activity)
    {
        var window = WindowTelemetry.Current(activity);
        if (!string.IsNullOrEmpty(window)) activity.SetTag(WindowTelemetry.Key, window);
    }

    public override void OnEnd(Activity activity)
    {
        if (activity.GetTagItem(WindowTelemetry.Key) is string { Length: > 0 }) return;
        var window = WindowTelemetry.Current(activity);
        activity.SetTag(WindowTelemetry.Key, string.IsNullOrEmpty(window) ? defaultWindow : window);
    }
}
