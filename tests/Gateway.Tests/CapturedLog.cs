using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Gateway.Tests;

/// <summary>The log lines an app wrote (category and formatted message), to check what it records.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

    public IReadOnlyList<(string Category, string Message)> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue((category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}
