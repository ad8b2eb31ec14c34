namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The payment ledger. A household's payment for a programme and month is stored once, whoever tries again.</summary>
public interface IPaymentStore
{
    /// <summary>
    /// Records the run with those of its payments not already made for their household, programme and month, in one
    /// step with the idempotency claim. Returns the run as stored (with how many were paid now and before).
    /// Throws <see cref="IdempotencyKeyTaken"/> when the key was stored meanwhile.
    /// </summary>
    Task<PaymentRun> RecordRunAsync(PaymentRun run, IReadOnlyList<Payment> payments, IdempotencyClaim? claim);

    /// <summary>Records one payment (an emergency grant) unless the household was already paid for that programme and month.</summary>
    Task<bool> RecordAsync(Payment payment);

    Task<PaymentRun?> GetRunAsync(string runId);

    Task<IReadOnlyList<Payment>> ListByHouseholdAsync(string householdId);
}
