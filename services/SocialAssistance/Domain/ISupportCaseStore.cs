using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where extreme-poverty and temporary-assistance cases are kept, with the payment a step makes.</summary>
public interface ISupportCaseStore
{
    Task<SupportCase?> GetAsync(string id);

    /// <summary>Stores a new case and (fast track) its payment, with the events for other services, all or nothing.</summary>
    Task<SupportWrite> AddAsync(SupportCase supportCase, Payment? payment, IReadOnlyList<OutboxMessage> events);

    /// <summary>Replaces a case still at <paramref name="expectedVersion"/> and stores its payment and events, all or nothing.</summary>
    Task<SupportWrite> UpdateAsync(SupportCase supportCase, int expectedVersion, Payment? payment, IReadOnlyList<OutboxMessage> events);

    Task<IReadOnlyList<SupportCase>> ListByStatusAsync(IReadOnlyCollection<SupportStatus> statuses);
}
