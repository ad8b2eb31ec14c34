namespace CivilAffairs.SharedKernel;

/// <summary>
/// An event for another service, written in the same transaction as the change it reports and delivered later by the
/// outbox relay, at least once, in order per <see cref="AggregateId"/>. The payload is the target RPC's request
/// message, already serialized; the event id travels as the idempotency key so the consumer applies it once.
/// </summary>
public sealed record OutboxMessage(
    string EventId,
    string AggregateId,
    string Target,
    string Method,
    byte[] Payload,
    Window Window,
    string? TraceParent,
    DateTimeOffset CreatedAt);
