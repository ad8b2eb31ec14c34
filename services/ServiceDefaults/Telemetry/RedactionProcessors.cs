using System.Diagnostics;
using CivilAffairs.SharedKernel;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CivilAffairs.ServiceDefaults.Telemetry;

/// <summary>
/// A last line of defence: masks anything shaped like a full ID number or mobile number in span names and
/// attributes before export (a path or a library's message could carry one even when our code never does).
/// </summary>
internal sealed class SpanRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (Masking.ContainsSensitiveNumber(activity.DisplayName))
            activity.DisplayName = Masking.Redact(activity.DisplayName);
        List<KeyValuePair<string, string>>? changes = null;
        foreach (var tag in activity.TagObjects)
        {
            if (tag.Value is string text && Masking.ContainsSensitiveNumber(text))
                (changes ??= []).Add(new(tag.Key, Masking.Redact(text)));
        }
        if (changes is not null)
            foreach (var (key, value) in changes) activity.SetTag(key, value);
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
        if (record.Attributes is { Count: > 0 } attributes && attributes.Any(a => a.Value is string s && Masking.ContainsSensitiveNumber(s)))
        {
            record.Attributes = attributes
                .Select(a => a.Value is string s ? new KeyValuePair<string, object?>(a.Key, Masking.Redact(s)) : a)
                .ToList();
        }
    }
}
