using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a support-case write did.</summary>
public enum SupportWrite
{
    Done,
    /// <summary>Someone changed the case meanwhile; nothing written.</summary>
    Stale,
    /// <summary>The household already had this programme's payment for the month; nothing written.</summary>
    AlreadyPaid,
    /// <summary>The person already has an open extreme-poverty case; nothing written.</summary>
    AlreadyOpen,
}

/// <summary>Where extreme-poverty and temporary-assistance cases are kept, with the payment a step makes.</summary>
public interface ISupportCaseStore
{
    Task<SupportCase?> GetAsync(string id);

    /// <summary>Stores a new case and (fast track) its payment, with the claim and the events for other services, all or nothing.</summary>
    Task<SupportWrite> AddAsync(SupportCase supportCase, Payment? payment, IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events);

    /// <summary>Replaces a case still at <paramref name="expectedVersion"/> and stores its payment, claim and events, all or nothing.</summary>
    Task<SupportWrite> UpdateAsync(SupportCase supportCase, int expectedVersion, Payment? payment, IdempotencyClaim? claim,
        IReadOnlyList<OutboxMessage> events);

    Task<IReadOnlyList<SupportCase>> ListByStatusAsync(IReadOnlyCollection<SupportStatus> statuses);
}
