using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>The archive of marriages and divorces. Records are never deleted; every change appends an entry, and
/// every change of a record names the version it read.</summary>
public interface IMarriageArchive
{
    /// <summary>The next number of a series (certificates, receipts), never given twice.</summary>
    Task<long> NextNumberAsync(string series, CancellationToken cancellationToken);

    /// <summary>Saves a new marriage, finishes the couple's ticket (and appointment) and records the events for other
    /// services — unless either person is recorded as married, decided atomically.</summary>
    Task<RegistrationOutcome> RegisterAsync(MarriageRecord record, QueueTicket finishedTicket, int ticketVersion,
        IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    Task<MarriageRecord?> GetAsync(string marriageId, CancellationToken cancellationToken);

    /// <summary>By any certificate ever issued for the record (current, replaced, or the divorce certificate).</summary>
    Task<MarriageRecord?> GetByCertificateAsync(string certificateNumber, CancellationToken cancellationToken);

    /// <summary>Every record in which this exact ID number is a party.</summary>
    Task<IReadOnlyList<MarriageRecord>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken);

    /// <summary>Saves a changed record (reissue, correction) with its new entry, if still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(MarriageRecord record, int expectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>Saves a divorce step: the application (new when <paramref name="applicationExpectedVersion"/> is null)
    /// and the record with its new entry, together (a new record when <paramref name="recordExpectedVersion"/> is 0). False on
    /// a version conflict, a second open application, or a new record of a person with a standing marriage.</summary>
    Task<bool> SaveDivorceStepAsync(DivorceApplication application, int? applicationExpectedVersion, MarriageRecord record,
        int recordExpectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    Task<DivorceApplication?> GetDivorceAsync(string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DivorceApplication>> GetOpenDivorcesAsync(CancellationToken cancellationToken);

    /// <summary>Archive entries of an office on a date, counted by action.</summary>
    Task<IReadOnlyDictionary<string, int>> CountEntriesAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}
