using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Gateway.Tests;

/// <summary>The log lines an app wrote (category and formatted message), to check what it records.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

    public IReadOnlyList<(string Category, string Message)> Lines => _lines.ToArray();

    /// <summary>The lines matching <paramref name="match"/>, waiting (bounded) until there is at least one: the gateway's
    /// audit lines are written in the background, possibly just after the caller had its answer.</summary>
    public IReadOnlyList<(string Category, string Message)> WaitFor(Func<(string Category, string Message), bool> match,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Lines.Where(match).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline) return found;
            Thread.Sleep(20);
        }
    }

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
