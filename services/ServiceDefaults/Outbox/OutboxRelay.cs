using System.Diagnostics;
using System.Diagnostics.Metrics;
using CivilAffairs.ServiceDefaults.Telemetry;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>Relay settings, section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many waiting messages of each consumer one pass looks at.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>First retry after about this long, doubling (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A consumer that answers INTERNAL or UNKNOWN this many times for one message has a bug that retrying
    /// will not fix: the message goes to the dead letters for an operator.</summary>
    public int MaxServerErrorAttempts { get; set; } = 10;

    /// <summary>Delivered messages are kept this long (for operators' questions), then purged.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Wakes the relay as soon as a producer has committed new messages, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Delivers outbox messages over gRPC, at least once, in order per case and consumer: a message waits while an earlier
/// one of the same aggregate for the same consumer is not delivered. Each consumer has its own share of every pass, so
/// one that is down or slow delays only its own messages (retries back off with jitter); a consumer that refuses a
/// message for good (a 4xx-like status), or keeps failing on it with a server error, sends it to the dead-letter list,
/// from where an operator can replay it. The delivery span continues the producer's trace.
/// </summary>
public sealed class OutboxRelay(IOutboxStore store, IOutboxTransport transport, OutboxSignal signal, OutboxOptions options,
    TimeProvider time, ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly ActivitySource Source = new("CivilAffairs.Outbox");
    private static readonly Meter Meter = new("CivilAffairs.Outbox");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("civilaffairs.outbox.delivered", description: "Outbox messages delivered");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("civilaffairs.outbox.delivery_failures", description: "Delivery attempts that will be retried");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("civilaffairs.outbox.dead_lettered", description: "Messages a consumer refused for good");
    private readonly HashSet<string> _failingTargets = [];
    private static int _backlog;
    private static double _oldestAgeSeconds;

    static OutboxRelay()
    {
        Meter.CreateObservableGauge("civilaffairs.outbox.backlog", () => Volatile.Read(ref _backlog), description: "Outbox messages waiting for delivery");
        Meter.CreateObservableGauge("civilaffairs.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), unit: "s",
            description: "Age of the oldest outbox message waiting for delivery");
    }

    /// <summary>Statuses that mean "this message will never be accepted": retrying would change nothing.</summary>
    private static readonly HashSet<StatusCode> Refusals =
        [StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.NotFound, StatusCode.PermissionDenied, StatusCode.Unimplemented, StatusCode.OutOfRange];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await RunOnceAsync(stoppingToken);
                if (delivered > 0) continue;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Outbox relay cycle failed; trying again");
            }
            try { await signal.WaitAsync(options.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass over the pending messages; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await store.PendingAsync(options.BatchSize, cancellationToken);
        var blocked = new HashSet<(string Target, string Aggregate)>();
        var unreachable = new HashSet<string>();
        var delivered = 0;
        foreach (var entry in pending)
        {
            var message = entry.Message;
            var line = (message.Target, message.AggregateId);
            if (blocked.Contains(line)) continue;
            if (unreachable.Contains(message.Target) || entry.NextAttemptAt > now)
            {
                // One failed call per consumer and pass is enough to know it is down: the rest wait for the next pass.
                blocked.Add(line);
                continue;
            }
            using var activity = StartDeliveryActivity(entry);
            try
            {
                await transport.SendAsync(message, options.CallTimeout, cancellationToken);
                await store.MarkDeliveredAsync(entry, time.GetUtcNow(), cancellationToken);
                Delivered.Add(1, new KeyValuePair<string, object?>("target", message.Target));
                delivered++;
                if (_failingTargets.Remove(message.Target))
                {
                    // The consumer is back: what waits out a backoff for it goes now, not minutes later.
                    await store.RetryNowAsync(message.Target, now, cancellationToken);
                    logger.LogInformation("{Target} answers again; its waiting outbox messages are due now", message.Target);
                }
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
            {
                // The consumer already has it: an earlier delivery went through and its answer was lost.
                await store.MarkDeliveredAsync(entry, time.GetUtcNow(), cancellationToken);
                delivered++;
            }
            catch (RpcException error) when (Refusals.Contains(error.StatusCode)
                || (error.StatusCode is StatusCode.Internal or StatusCode.Unknown && entry.Attempts + 1 >= options.MaxServerErrorAttempts))
            {
                activity?.SetStatus(ActivityStatusCode.Error, error.Status.Detail);
                await store.DeadLetterAsync(entry, entry.Attempts + 1, $"{error.StatusCode}: {error.Status.Detail}", cancellationToken);
                DeadLettered.Add(1, new KeyValuePair<string, object?>("target", message.Target));
                logger.LogError("Outbox message {EventId} to {Method} was refused for good ({Status}, attempt {Attempts}); it is in the dead-letter list",
                    message.EventId, message.Method, error.StatusCode, entry.Attempts + 1);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Anything else (down, slow, a bad address) is this consumer's trouble: it waits, the others go on.
                var attempts = entry.Attempts + 1;
                var retryAt = now + Backoff(attempts);
                activity?.SetStatus(ActivityStatusCode.Error, error.Message);
                await store.MarkFailedAsync(entry, attempts, retryAt, error.Message, cancellationToken);
                Failures.Add(1, new KeyValuePair<string, object?>("target", message.Target));
                blocked.Add(line);
                _failingTargets.Add(message.Target);
                if (error is not RpcException { StatusCode: StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown })
                    unreachable.Add(message.Target);
                logger.LogInformation("Outbox message {EventId} to {Target} not delivered (attempt {Attempts}); next try at {RetryAt}",
                    message.EventId, message.Target, attempts, retryAt);
            }
        }
        var (count, oldest) = await store.BacklogAsync(cancellationToken);
        Volatile.Write(ref _backlog, count);
        Volatile.Write(ref _oldestAgeSeconds, oldest is { } o ? Math.Max(0, (time.GetUtcNow() - o).TotalSeconds) : 0);
        return delivered;
    }

    /// <summary>Exponential backoff with full jitter, capped: 1s, 2s, 4s... up to <see cref="OutboxOptions.MaxDelay"/>.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private static Activity? StartDeliveryActivity(OutboxEntry entry)
    {
        var message = entry.Message;
        ActivityContext.TryParse(message.TraceParent, null, out var producer);
        var activity = Source.StartActivity($"outbox deliver {message.Method}", ActivityKind.Producer, producer,
            links: producer == default ? null : [new ActivityLink(producer)]);
        activity?.SetTag("messaging.message.id", message.EventId);
        activity?.SetTag("civilaffairs.outbox.attempt", entry.Attempts + 1);
        if (message.Window != SharedKernel.Window.Unspecified) WindowTelemetry.Set(message.Window);
        return activity;
    }
}
