using System.Collections;
using System.Globalization;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.ServiceDefaults.Telemetry;

/// <summary>
/// Masks ID numbers and phone numbers in everything a logger writes, before any provider (console, OpenTelemetry...)
/// sees it: the message, its structured values of any type, the scopes (a request path can carry a number) and the
/// exception. The code should never log them; this is the last line of defence.
/// </summary>
internal static class RedactingLogging
{
    /// <summary>The logger factory hands every provider, whenever it was registered, a masking wrapper.</summary>
    public static void WrapProviders(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>().Select(p => new RedactingLoggerProvider(p)),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));

    /// <summary>A value as it may leave: text and numbers that look like a sensitive number are masked.</summary>
    public static object? Safe(object? value) => value switch
    {
        null => null,
        string text => Masking.ContainsSensitiveNumber(text) ? Masking.Redact(text) : text,
        long or int or ulong or uint or decimal => SafeNumber(Convert.ToString(value, CultureInfo.InvariantCulture)!, value),
        string[] texts => texts.Select(t => (string)Safe(t)!).ToArray(),
        IEnumerable<KeyValuePair<string, object?>> => value,
        IEnumerable items and not string => items.Cast<object?>().Select(Safe).ToArray(),
        _ => value,
    };

    private static object SafeNumber(string digits, object value) => Masking.ContainsSensitiveNumber(digits) ? Masking.Redact(digits) : value;
}

internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope external) external.SetScopeProvider(new RedactingScopes(scopeProvider));
    }

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(RedactedState.Of(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        inner.Log(logLevel, eventId, RedactedState.Of(state), RedactedException.Of(exception),
            (_, _) => Masking.Redact(formatter(state, exception)));
    }
}

/// <summary>Scopes handed to a provider as they are pushed, but masked when it reads them.</summary>
internal sealed class RedactingScopes(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope((scope, s) => callback(scope is null ? null : RedactedState.Of(scope), s), state);

    public IDisposable Push(object? state) => inner.Push(state);
}

/// <summary>A log state or scope with its values masked; reads as the same key/value list it wraps. Its text is masked
/// only when a provider asks for it (most format the message through the formatter instead).</summary>
internal sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, object original) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private string? _text;

    public static object Of<TState>(TState state) => state switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs =>
            new RedactedState([.. pairs.Select(v => new KeyValuePair<string, object?>(v.Key, RedactingLogging.Safe(v.Value)))], pairs),
        _ => RedactingLogging.Safe(state) ?? "",
    };

    public KeyValuePair<string, object?> this[int index] => values[index];
    public int Count => values.Count;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => _text ??= Masking.Redact(original.ToString() ?? "");
}

/// <summary>An exception whose text would carry a number, as it may be written: masked, with the original's type named.</summary>
internal sealed class RedactedException(Exception original)
    : Exception($"{original.GetType().FullName}: {Masking.Redact(original.Message)}")
{
    public static Exception? Of(Exception? exception) =>
        exception is null || !Masking.ContainsSensitiveNumber(exception.ToString()) ? exception : new RedactedException(exception);

    public override string? StackTrace => original.StackTrace is { } trace ? Masking.Redact(trace) : null;

    public override string ToString() => Masking.Redact(original.ToString());
}
