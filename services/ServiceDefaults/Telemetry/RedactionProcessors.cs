using System.Diagnostics;
using CivilAffairs.SharedKernel;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CivilAffairs.ServiceDefaults.Telemetry;

/// <summary>
/// A last line of defence: masks anything shaped like a full ID number or mobile number in span names, attributes of
/// any type, events (an exception recorded on a span) and status before export (a path or a library's message could
/// carry one even when our code never does).
/// </summary>
internal sealed class SpanRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (Masking.ContainsSensitiveNumber(activity.DisplayName))
            activity.DisplayName = Masking.Redact(activity.DisplayName);
        List<KeyValuePair<string, object?>>? changes = null;
        foreach (var tag in activity.TagObjects)
        {
            var safe = RedactingLogging.Safe(tag.Value);
            if (!Equals(safe, tag.Value) && !(safe is Array a && tag.Value is Array b && a.Cast<object>().SequenceEqual(b.Cast<object>())))
                (changes ??= []).Add(new(tag.Key, safe));
        }
        if (changes is not null)
            foreach (var (key, value) in changes) activity.SetTag(key, value);
        foreach (var activityEvent in activity.Events) EventTags.Mask(activityEvent);
        if (activity.StatusDescription is { } description && Masking.ContainsSensitiveNumber(description))
            activity.SetStatus(activity.Status, Masking.Redact(description));
    }
}

/// <summary>Masks full ID numbers and mobile numbers in exported log records.</summary>
internal sealed class LogRedactionProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord record)
    {
        if (record.FormattedMessage is { } message && Masking.ContainsSensitiveNumber(message))
            record.FormattedMessage = Masking.Redact(message);
        if (record.Body is { } body && Masking.ContainsSensitiveNumber(body))
            record.Body = Masking.Redact(body);
        if (record.Attributes is { Count: > 0 } attributes && attributes.Any(a => !Equals(RedactingLogging.Safe(a.Value), a.Value)))
            record.Attributes = attributes.Select(a => new KeyValuePair<string, object?>(a.Key, RedactingLogging.Safe(a.Value))).ToList();
        if (RedactedException.Of(record.Exception) is { } exception && !ReferenceEquals(exception, record.Exception))
            record.Exception = exception;
    }
}

/// <summary>
/// Masks exceptions as they are recorded on spans (the runtime's public hook), and any other event's tags at the end
/// of the span. .NET has no public way to change an event once added, so the latter uses the event's own tag list
/// (its internal <c>Set</c>); should a runtime change that, the redaction test fails rather than numbers leaking unseen.
/// </summary>
internal static class EventTags
{
    private static readonly System.Reflection.MethodInfo? Set = typeof(Activity).GetNestedType("TagsLinkedList",
        System.Reflection.BindingFlags.NonPublic)?.GetMethod("Set", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Instance, [typeof(KeyValuePair<string, object?>)]);

    private static readonly ActivityListener Recorder = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
        ExceptionRecorder = (Activity _, Exception _, ref TagList tags) =>
        {
            for (var i = 0; i < tags.Count; i++)
            {
                var safe = RedactingLogging.Safe(tags[i].Value);
                if (!Equals(safe, tags[i].Value)) tags[i] = new KeyValuePair<string, object?>(tags[i].Key, safe);
            }
        },
    };

    /// <summary>Starts masking recorded exceptions in this process (once).</summary>
    public static void Listen() => _ = Started.Value;

    private static readonly Lazy<bool> Started = new(() =>
    {
        ActivitySource.AddActivityListener(Recorder);
        return true;
    });

    public static void Mask(ActivityEvent activityEvent)
    {
        if (Set is null) return;
        foreach (var (key, value) in activityEvent.Tags.ToList())
        {
            var safe = RedactingLogging.Safe(value);
            if (!Equals(safe, value)) Set.Invoke(activityEvent.Tags, [new KeyValuePair<string, object?>(key, safe)]);
        }
    }
}
