namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The payment ledger. A household's payment for a programme and month is stored once, whoever tries again.</summary>
public interface IPaymentStore
{
    /// <summary>
    /// Records the run with those of its payments not already made for their household, programme and month, in one
    /// step. Returns the run as stored (with how many were paid now and before).
    /// </summary>
    Task<PaymentRun> RecordRunAsync(PaymentRun run, IReadOnlyList<Payment> payments);

    Task<PaymentRun?> GetRunAsync(string runId);

    Task<IReadOnlyList<Payment>> ListByHouseholdAsync(string householdId);
}
