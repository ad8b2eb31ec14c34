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
    /// <summary>
    /// Every logger the app gets masks what it is given, once, for all providers, whenever they were registered. The
    /// providers themselves stay as they are, so the filter rules that name one (<c>Logging:Console:LogLevel</c>) apply.
    /// </summary>
    public static void WrapLoggers(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));

    /// <summary>A value as it may leave: text and numbers that look like a sensitive number are masked.</summary>
    public static object? Safe(object? value) => value switch
    {
        null => null,
        string text => Masking.ContainsSensitiveNumber(text) ? Masking.Redact(text) : text,
        int or uint => value, // ten digits at most: never an ID number or a mobile number (status codes, ports, counts)
        long or ulong or decimal => SafeNumber(Convert.ToString(value, CultureInfo.InvariantCulture)!, value),
        string[] texts => texts.Select(t => (string)Safe(t)!).ToArray(),
        IEnumerable<KeyValuePair<string, object?>> => value,
        IEnumerable items and not string => items.Cast<object?>().Select(Safe).ToArray(),
        _ => value,
    };

    private static object SafeNumber(string digits, object value) => Masking.ContainsSensitiveNumber(digits) ? Masking.Redact(digits) : value;
}

internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(RedactedState.Of(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        string? message = null; // formatted and masked once, for whichever providers ask
        inner.Log(logLevel, eventId, RedactedState.Of(state), RedactedException.Of(exception),
            (_, _) => message ??= Masking.Redact(formatter(state, exception)));
    }
}

/// <summary>A log state or scope with its values masked; reads as the same key/value list it wraps. Values and text are
/// masked when a provider first reads them (a request's scope is pushed on every call, and read only when a line is
/// written).</summary>
internal sealed class RedactedState(IEnumerable<KeyValuePair<string, object?>> original) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[]? _values;
    private string? _text;

    public static object Of<TState>(TState state) => state switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => new RedactedState(pairs),
        _ => RedactingLogging.Safe(state) ?? "",
    };

    private KeyValuePair<string, object?>[] Values =>
        _values ??= [.. original.Select(v => new KeyValuePair<string, object?>(v.Key, RedactingLogging.Safe(v.Value)))];

    public KeyValuePair<string, object?> this[int index] => Values[index];
    public int Count => Values.Length;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Values).GetEnumerator();
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
