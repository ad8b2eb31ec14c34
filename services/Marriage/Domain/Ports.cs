using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

// The storage ports of the marriage service. Each write is atomic in the adapter (one SQLite transaction or one
// MongoDB transaction), and every update of a versioned record names the version it read (optimistic concurrency).

/// <summary>Offices' own booking rules.</summary>
public interface IOfficeStore
{
    Task<OfficeSettings?> GetAsync(string officeId, CancellationToken cancellationToken);
    Task SaveAsync(OfficeSettings settings, CancellationToken cancellationToken);
}

/// <summary>Opened days and their slots with live counts.</summary>
public interface IMarriageCalendarStore
{
    /// <summary>Saves a new day with its slots; false when that office already opened that date.</summary>
    Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken);

    /// <summary>The opened days of an office from <paramref name="from"/> to <paramref name="to"/> inclusive, by date.</summary>
    Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<CalendarDay?> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken);

    Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken);

    /// <summary>Adds places and slots and changes the day's windows or appointment-only flag in one step.</summary>
    Task<CalendarDay?> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<Slot> extraSlots, int? windows, bool? appointmentOnly, CancellationToken cancellationToken);

    /// <summary>Days of any office before <paramref name="date"/> that were not closed yet.</summary>
    Task<IReadOnlyList<(string OfficeId, DateOnly Date)>> GetUnclosedDaysBeforeAsync(DateOnly date, CancellationToken cancellationToken);
}

/// <summary>Appointments. A booking takes a place only if one is left and neither person already holds an active
/// appointment (from <c>today</c> on), and saves the appointment in the same transaction.</summary>
public interface IAppointmentStore
{
    Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, DateOnly today, CancellationToken cancellationToken);

    Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken);

    /// <summary>Marks an active, not yet checked-in appointment cancelled and gives its place back, once.</summary>
    Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken);

    /// <summary>Takes a place in <paramref name="newSlot"/> and frees the old one, or changes nothing.</summary>
    Task<RescheduleOutcome> RescheduleAsync(string appointmentId, Slot newSlot, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every still-booked appointment of the day becomes a no-show, its persons free to book again; the day is closed.</summary>
    Task<int> RecordNoShowsAsync(string officeId, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<Appointment>> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}

/// <summary>The hall's queue tickets.</summary>
public interface IHallStore
{
    /// <summary>Gives the ticket the day's next number of its kind and saves it; for a booked couple also marks the
    /// appointment checked in. A couple already checked in gets their existing ticket back.</summary>
    Task<QueueTicket> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken);

    Task<QueueTicket?> GetTicketAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>The ticket a window has called and not finished, if any.</summary>
    Task<QueueTicket?> GetCalledAsync(string officeId, DateOnly date, int window, CancellationToken cancellationToken);

    /// <summary>Atomically takes the first waiting ticket of the day in queue order and marks it called at the window.</summary>
    Task<QueueTicket?> CallNextAsync(string officeId, DateOnly date, int window, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Saves a changed ticket if nobody changed it since <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateTicketAsync(QueueTicket ticket, int expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueTicket>> GetTicketsAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}

/// <summary>The archive of marriages and divorces. Records are never deleted; every change appends an entry.</summary>
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
    /// and the record with its new entry, together. False on a version conflict or a second open application.</summary>
    Task<bool> SaveDivorceStepAsync(DivorceApplication application, int? applicationExpectedVersion, MarriageRecord record,
        int recordExpectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    Task<DivorceApplication?> GetDivorceAsync(string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DivorceApplication>> GetOpenDivorcesAsync(CancellationToken cancellationToken);

    /// <summary>Archive entries of an office on a date, counted by action.</summary>
    Task<IReadOnlyDictionary<string, int>> CountEntriesAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}

public abstract record RegistrationOutcome
{
    public sealed record Registered(MarriageRecord Record) : RegistrationOutcome;
    public sealed record PartyAlreadyMarried(int PartyNumber) : RegistrationOutcome;
    public sealed record TicketChanged : RegistrationOutcome;
}
