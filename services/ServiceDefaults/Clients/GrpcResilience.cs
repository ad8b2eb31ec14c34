using Grpc.Core;
using Grpc.Core.Interceptors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CivilAffairs.ServiceDefaults.Clients;

/// <summary>Settings of the one resilience pipeline every service-to-service gRPC call goes through.</summary>
public sealed record GrpcResilienceOptions
{
    /// <summary>Total time for a call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxRetries { get; set; } = 2;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 5;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Wraps unary client calls in a Polly pipeline: a total timeout, retries with jitter only for idempotent methods and
/// only on transient codes, and a circuit breaker per target service. An open circuit or a timeout surfaces as the
/// gRPC status a caller expects: UNAVAILABLE and DEADLINE_EXCEEDED.
/// </summary>
public sealed class GrpcResilienceInterceptor : Interceptor
{
    /// <summary>The gRPC deadline ends a slow call; Polly's timeout is only the backstop behind it.</summary>
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(1);

    private static readonly HashSet<StatusCode> Transient = [StatusCode.Unavailable, StatusCode.ResourceExhausted, StatusCode.Aborted];
    private static readonly HashSet<StatusCode> Failures = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Unknown, StatusCode.Cancelled];

    private readonly string _target;
    private readonly TimeSpan _totalTimeout;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _once;

    public GrpcResilienceInterceptor(string target, GrpcResilienceOptions options, TimeProvider? timeProvider = null)
    {
        _target = target;
        _totalTimeout = options.TotalTimeout;
        var breaker = new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = new PredicateBuilder()
                .Handle<RpcException>(e => Failures.Contains(e.StatusCode))
                .Handle<TimeoutRejectedException>(),
        };
        // One breaker shared by both pipelines: the target is healthy or not, whatever method is called.
        var shared = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddCircuitBreaker(breaker).Build();
        _once = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout + Backstop)
            .AddPipeline(shared)
            .Build();
        _idempotent = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout + Backstop)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => Transient.Contains(e.StatusCode)),
            })
            .AddPipeline(shared)
            .Build();
    }

    /// <summary>Reads, checks and lookups are safe to repeat; anything else is sent once.</summary>
    public static bool IsIdempotent(string methodName) =>
        methodName.StartsWith("Get", StringComparison.Ordinal) ||
        methodName.StartsWith("List", StringComparison.Ordinal) ||
        methodName.StartsWith("Check", StringComparison.Ordinal) ||
        methodName.StartsWith("Find", StringComparison.Ordinal);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var pipeline = IsIdempotent(context.Method.Name) ? _idempotent : _once;
        // The whole budget, retries included, is also the call's gRPC deadline (or the caller's, if sooner), so a slow
        // dependency answers DEADLINE_EXCEEDED and is cancelled at its end too.
        var budget = DateTime.UtcNow + _totalTimeout;
        var deadline = context.Options.Deadline is { } given && given < budget ? given : budget;
        AsyncUnaryCall<TResponse>? last = null;
        var response = ExecuteAsync(pipeline, context, token =>
        {
            var options = context.Options.WithCancellationToken(token).WithDeadline(deadline);
            var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
            last = call;
            return call.ResponseAsync;
        });
        async Task<Metadata> HeadersAsync()
        {
            try { await response; } catch (RpcException) { }
            return last is null ? new Metadata() : await last.ResponseHeadersAsync;
        }
        return new AsyncUnaryCall<TResponse>(
            response,
            HeadersAsync(),
            () => last?.GetStatus() ?? Status.DefaultSuccess,
            () => last?.GetTrailers() ?? new Metadata(),
            () => last?.Dispose());
    }

    private async Task<TResponse> ExecuteAsync<TRequest, TResponse>(ResiliencePipeline pipeline,
        ClientInterceptorContext<TRequest, TResponse> context, Func<CancellationToken, Task<TResponse>> send)
        where TRequest : class where TResponse : class
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await send(token), context.Options.CancellationToken);
        }
        catch (BrokenCircuitException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{_target} is unavailable (circuit open); try again shortly"));
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && !context.Options.CancellationToken.IsCancellationRequested)
        {
            // Cancelled by the backstop timeout, not by the caller: to the caller that is a deadline.
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{_target} did not answer in time"));
        }
        catch (TimeoutRejectedException)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{_target} did not answer in time"));
        }
        catch (OperationCanceledException) when (!context.Options.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{_target} did not answer in time"));
        }
    }
}
