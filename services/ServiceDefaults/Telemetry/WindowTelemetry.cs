using System.Diagnostics;
using CivilAffairs.SharedKernel;
using OpenTelemetry;

namespace CivilAffairs.ServiceDefaults.Telemetry;

/// <summary>
/// The window type a request serves travels in OpenTelemetry baggage under <see cref="Key"/> and is written on every
/// span as the attribute of the same name, so operators can filter traces by window.
/// </summary>
public static class WindowTelemetry
{
    public const string Key = "civilaffairs.window";
    public const string HeaderName = "X-Window-Type";

    /// <summary>
    /// Records that the current request serves <paramref name="window"/>: on every span of this process in the
    /// current trace so far, on the spans still to come, and in the baggage sent to other services.
    /// </summary>
    public static void Set(Window window)
    {
        if (!window.IsDefined()) return;
        var code = window.Code();
        Baggage.SetBaggage(Key, code);
        Activity? root = null;
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            activity.SetTag(Key, code);
            root = activity;
        }
        root?.SetBaggage(Key, code);
    }

    /// <summary>Forgets any window the caller's own baggage named (on the current context and its spans): at the
    /// platform's door the window comes from the route, never from the caller.</summary>
    public static void Clear()
    {
        Baggage.RemoveBaggage(Key);
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            if (activity.GetBaggageItem(Key) is not null) activity.SetBaggage(Key, null);
    }

    /// <summary>The window carried by the current context, if it is one of the ten: anything else a caller put in the
    /// baggage is ignored, so it can neither mislabel spans nor blow up metric labels.</summary>
    public static string? Current(Activity? activity = null)
    {
        var fromActivity = (activity ?? Activity.Current)?.GetBaggageItem(Key);
        var carried = !string.IsNullOrEmpty(fromActivity) ? fromActivity : Baggage.GetBaggage(Key);
        return WindowCodes.TryParse(carried, out var window) ? window.Code() : null;
    }
}
