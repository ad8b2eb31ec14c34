using System.Collections.Concurrent;
using System.Security.Cryptography;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.SharedKernel;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CivilAffairs.ServiceDefaults.Idempotency;

/// <summary>
/// Safe retries for every state-changing call of a service: a request that carries an <c>Idempotency-Key</c> (gRPC
/// metadata, or the HTTP header, which the gateway passes on and transcoding turns into metadata) runs once. Its first
/// outcome — the response, or the refusal — is stored under the key and replayed to a retry; the same key with a
/// different request is INVALID_ARGUMENT; a retry while the first is still running is ABORTED, to retry shortly.
/// Failures a retry may not meet again (UNAVAILABLE, INTERNAL...) are not stored. Reads are left alone.
/// </summary>
public sealed class IdempotencyInterceptor(IIdempotencyStore store, TimeProvider time) : Interceptor
{
    /// <summary>Keys whose first request runs in this process right now: a retry waits for it rather than failing.</summary>
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Running = new();

    /// <summary>How long a retry waits for the same request still running before it is told to try again.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    /// <summary>An attempt that neither finished nor failed within this long (its process died) is taken over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    /// <summary>Outcomes that are the request's own answer, the same on every retry.</summary>
    private static readonly HashSet<StatusCode> Final =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.OutOfRange, StatusCode.PermissionDenied,
    ];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var key = context.RequestHeaders.GetValue(IdempotencyKey.HeaderName)?.Trim();
        if (string.IsNullOrEmpty(key) || RpcCatalog.IsRead(context.Method) || request is not IMessage message)
            return await continuation(request, context);
        if (key.Length > IdempotencyKey.MaxLength)
            throw DomainErrorInterceptor.ToRpcException(new ValidationFailed("idempotency_key", $"must be at most {IdempotencyKey.MaxLength} characters"));

        var fingerprint = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(context.Method), .. message.ToByteArray()]));
        var claim = await store.ClaimAsync(key, fingerprint, time.GetUtcNow(), AbandonedAfter, context.CancellationToken);
        var waited = TimeSpan.Zero;
        while (claim is IdempotencyClaim.InProgress && waited < WaitForFirst)
        {
            // The same request is running: wait for its outcome (at once if it runs here, else look again shortly).
            var pause = TimeSpan.FromMilliseconds(Math.Min(200, 20 + waited.TotalMilliseconds / 4));
            if (Running.TryGetValue(key, out var first))
                await Task.WhenAny(first.Task, Task.Delay(WaitForFirst - waited, context.CancellationToken));
            else
                await Task.Delay(pause, context.CancellationToken);
            waited += pause;
            claim = await store.ClaimAsync(key, fingerprint, time.GetUtcNow(), AbandonedAfter, context.CancellationToken);
        }
        switch (claim)
        {
            case IdempotencyClaim.Conflict:
                throw DomainErrorInterceptor.ToRpcException(new ValidationFailed("idempotency_key",
                    "was already used for a different request; use a new key for a new request"));
            case IdempotencyClaim.InProgress:
                throw new RpcException(new Status(StatusCode.Aborted, "a request with this idempotency key is still running; retry shortly"));
            case IdempotencyClaim.Replay replay:
                return await ReplayAsync<TResponse>(replay.Outcome, context);
        }

        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Running[key] = running;
        try
        {
            var response = await continuation(request, context);
            await store.CompleteAsync(key, new StoredOutcome((int)StatusCode.OK, ((IMessage)response).ToByteArray(), null, null), CancellationToken.None);
            return response;
        }
        catch (RpcException error) when (Final.Contains(error.StatusCode))
        {
            await store.CompleteAsync(key, new StoredOutcome((int)error.StatusCode, null, error.Status.Detail,
                error.Trailers.GetValueBytes("grpc-status-details-bin")), CancellationToken.None);
            throw;
        }
        catch
        {
            await store.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
        finally
        {
            Running.TryRemove(key, out _);
            running.TrySetResult();
        }
    }

    private static async Task<TResponse> ReplayAsync<TResponse>(StoredOutcome outcome, ServerCallContext context)
    {
        if (outcome.StatusCode == (int)StatusCode.OK)
        {
            // Only an answer may start the response early: a refusal must still set its own status (HTTP 4xx over REST).
            await context.WriteResponseHeadersAsync(new Metadata { { "idempotent-replay", "true" } });
            var response = (IMessage)Activator.CreateInstance(typeof(TResponse))!;
            response.MergeFrom(outcome.Response ?? []);
            return (TResponse)response;
        }
        var trailers = new Metadata { { "idempotent-replay", "true" } };
        if (outcome.Details is { } details) trailers.Add("grpc-status-details-bin", details);
        throw new RpcException(new Status((StatusCode)outcome.StatusCode, outcome.Detail ?? ""), trailers);
    }
}
