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
        switch (await store.ClaimAsync(key, fingerprint, time.GetUtcNow(), AbandonedAfter, context.CancellationToken))
        {
            case IdempotencyClaim.Conflict:
                throw DomainErrorInterceptor.ToRpcException(new ValidationFailed("idempotency_key",
                    "was already used for a different request; use a new key for a new request"));
            case IdempotencyClaim.InProgress:
                throw new RpcException(new Status(StatusCode.Aborted, "a request with this idempotency key is still running; retry shortly"));
            case IdempotencyClaim.Replay replay:
                return await ReplayAsync<TResponse>(replay.Outcome, context);
        }

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
    }

    private static async Task<TResponse> ReplayAsync<TResponse>(StoredOutcome outcome, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { "idempotent-replay", "true" } });
        if (outcome.StatusCode == (int)StatusCode.OK)
        {
            var response = (IMessage)Activator.CreateInstance(typeof(TResponse))!;
            response.MergeFrom(outcome.Response ?? []);
            return (TResponse)response;
        }
        var trailers = new Metadata();
        if (outcome.Details is { } details) trailers.Add("grpc-status-details-bin", details);
        throw new RpcException(new Status((StatusCode)outcome.StatusCode, outcome.Detail ?? ""), trailers);
    }
}
