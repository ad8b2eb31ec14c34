using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where dibao applications (and the cases they become) are kept.</summary>
public interface IApplicationStore
{
    Task<DibaoApplication?> GetAsync(string id);

    /// <summary>Stores a new application, unless the household has an open one: then nothing is stored and that open
    /// application is returned.</summary>
    Task<DibaoApplication?> AddAsync(DibaoApplication application);

    /// <summary>
    /// Replaces the application if it is still at <paramref name="expectedVersion"/> (the new one carries the next
    /// version), storing the events for other services with it, in one transaction. False when someone changed it
    /// meanwhile (nothing stored).
    /// </summary>
    Task<bool> UpdateAsync(DibaoApplication application, int expectedVersion, IReadOnlyList<OutboxMessage> events);

    /// <summary>Applications in any of these statuses, oldest first.</summary>
    Task<IReadOnlyList<DibaoApplication>> ListByStatusAsync(IReadOnlyCollection<ApplicationStatus> statuses);
}
