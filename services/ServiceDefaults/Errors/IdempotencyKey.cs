using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.ServiceDefaults.Errors;

/// <summary>
/// The idempotency key of a state-changing call: the <c>Idempotency-Key</c> header (gRPC metadata, or an HTTP header
/// that transcoding passes on as metadata), or the request's own <c>idempotency_key</c> field.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "idempotency-key";
    public const int MaxLength = 128;

    /// <summary>The key, or null when the caller gave none. Refuses a key that is too long or that differs between
    /// the header and the field.</summary>
    public static string? From(ServerCallContext context, string? field, string fieldName = "idempotency_key")
    {
        var header = context.RequestHeaders.GetValue(HeaderName);
        var fromField = string.IsNullOrWhiteSpace(field) ? null : field.Trim();
        var fromHeader = string.IsNullOrWhiteSpace(header) ? null : header.Trim();
        if (fromField is not null && fromHeader is not null && fromField != fromHeader)
            throw new ValidationFailed(fieldName, "differs from the Idempotency-Key header; send one key");
        var key = fromHeader ?? fromField;
        if (key is { Length: > MaxLength })
            throw new ValidationFailed(fieldName, $"must be at most {MaxLength} characters");
        return key;
    }
}
