using System.Collections.Concurrent;
using System.Security.Cryptography;
using CivilAffairs.ServiceDefaults.Callers;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.SharedKernel;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CivilAffairs.ServiceDefaults.Idempotency;

/// <summary>
/// Safe retries for every state-changing call of a service, the one mechanism of the platform. A call that carries an
/// idempotency key (the <c>Idempotency-Key</c> header, gRPC metadata, or the request's <c>idempotency_key</c> field)
/// runs once per caller and key: its writes and its first outcome (the answer, or the refusal) commit in one
/// transaction, so no crash or cancellation between the two lets a retry run the change again. A retry gets the first
/// outcome; the same key with a different request is INVALID_ARGUMENT; a retry while the first still runs waits for it.
/// Failures a retry may not meet again (UNAVAILABLE, INTERNAL...) leave nothing behind. Reads are left alone.
/// </summary>
public sealed class IdempotencyInterceptor(IDocumentStore store, TimeProvider time, IdempotencyOptions options) : Interceptor
{
    /// <summary>Calls running in this process right now, by caller and key: a retry waits for the first one.</summary>
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Running = new();

    /// <summary>How long a retry waits for the same call still running before it is told to try again.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    /// <summary>Outcomes that are the request's own answer, the same on every retry.</summary>
    private static readonly HashSet<StatusCode> Final =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.OutOfRange, StatusCode.PermissionDenied,
    ];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (RpcCatalog.IsRead(context.Method) || request is not IMessage message) return await continuation(request, context);
        var key = KeyOf(message, context);
        if (key is null) return await continuation(request, context);

        var caller = CallerIdentity.Of(context);
        var id = IdempotencyRecord.IdOf(caller, key);
        var fingerprint = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(context.Method), .. message.ToByteArray()]));
        var deadline = time.GetUtcNow() + WaitForFirst;
        TaskCompletionSource running;
        Stored<IdempotencyRecord>? earlier;
        while (true)
        {
            earlier = await store.GetAsync(IdempotencyRecords.Collection, id, context.CancellationToken);
            if (earlier is { } found && found.Document.ExpiresAt > time.GetUtcNow())
                return await ReplayAsync<TResponse>(found.Document, fingerprint, context);
            running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Running.TryAdd(id, running)) break;
            if (!Running.TryGetValue(id, out var first)) continue;
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero || await Task.WhenAny(first.Task, Task.Delay(left, context.CancellationToken)) != first.Task)
                throw new RpcException(new Status(StatusCode.Aborted, "a request with this idempotency key is still running; retry shortly"));
        }

        try
        {
            // An expired record of the same key is replaced in the same transaction.
            var closing = new WriteBatch();
            if (earlier is not null) closing.Delete(IdempotencyRecords.Collection, id);
            await using var call = store.BeginCall();
            TResponse response;
            try
            {
                response = await continuation(request, context);
            }
            catch (RpcException error) when (Final.Contains(error.StatusCode))
            {
                var refusal = Record(id, caller, key, context.Method, fingerprint, (int)error.StatusCode, null, error.Status.Detail,
                    error.Trailers.GetValueBytes("grpc-status-details-bin"));
                if (await call.CompleteAsync(closing.Insert(IdempotencyRecords.Collection, refusal), CancellationToken.None) is WriteConflict.DuplicateKey)
                    return await ReplayStoredAsync<TResponse>(id, fingerprint, context);
                throw;
            }
            var answer = Record(id, caller, key, context.Method, fingerprint, (int)StatusCode.OK, ((IMessage)response).ToByteArray(), null, null);
            if (await call.CompleteAsync(closing.Insert(IdempotencyRecords.Collection, answer), CancellationToken.None) is WriteConflict.DuplicateKey)
            {
                // Another process ran the same call first and its transaction won: ours is rolled back, its answer stands.
                return await ReplayStoredAsync<TResponse>(id, fingerprint, context);
            }
            return response;
        }
        finally
        {
            Running.TryRemove(id, out _);
            running.TrySetResult();
        }
    }

    /// <summary>The call's key: the header, or the request's own <c>idempotency_key</c> field (they must agree).</summary>
    private static string? KeyOf(IMessage message, ServerCallContext context)
    {
        var field = message.Descriptor.FindFieldByName("idempotency_key");
        var fromField = field is { FieldType: Google.Protobuf.Reflection.FieldType.String } ? field.Accessor.GetValue(message) as string : null;
        try
        {
            return IdempotencyKey.From(context, fromField);
        }
        catch (DomainException error)
        {
            throw DomainErrorInterceptor.ToRpcException(error);
        }
    }

    private IdempotencyRecord Record(string id, string caller, string key, string method, string fingerprint, int status, byte[]? response,
        string? detail, byte[]? details)
    {
        var now = time.GetUtcNow();
        return new IdempotencyRecord(id, caller, key, method, fingerprint, status, response, detail, details, now, now + options.Retention);
    }

    private async Task<TResponse> ReplayStoredAsync<TResponse>(string id, string fingerprint, ServerCallContext context)
    {
        var stored = await store.GetAsync(IdempotencyRecords.Collection, id, CancellationToken.None)
            ?? throw new RpcException(new Status(StatusCode.Aborted, "a request with this idempotency key is still running; retry shortly"));
        return await ReplayAsync<TResponse>(stored.Document, fingerprint, context);
    }

    private static async Task<TResponse> ReplayAsync<TResponse>(IdempotencyRecord record, string fingerprint, ServerCallContext context)
    {
        if (record.Fingerprint != fingerprint)
            throw DomainErrorInterceptor.ToRpcException(new ValidationFailed("idempotency_key",
                "was already used for a different request; use a new key for a new request"));
        if (record.StatusCode == (int)StatusCode.OK)
        {
            // Only an answer may start the response early: a refusal must still set its own status (HTTP 4xx over REST).
            await context.WriteResponseHeadersAsync(new Metadata { { "idempotent-replay", "true" } });
            var response = (IMessage)Activator.CreateInstance(typeof(TResponse))!;
            response.MergeFrom(record.Response ?? []);
            return (TResponse)response;
        }
        var trailers = new Metadata { { "idempotent-replay", "true" } };
        if (record.Details is { } details) trailers.Add("grpc-status-details-bin", details);
        throw new RpcException(new Status((StatusCode)record.StatusCode, record.Detail ?? ""), trailers);
    }
}
