using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>The registration hall on the day: couples check in and get a ticket; windows call, skip and recall tickets.</summary>
public sealed class HallQueue(IHallStore hall, IMarriageCalendarStore calendar, IAppointmentStore appointments, Offices offices, OfficeClock clock)
{
    /// <summary>A booked couple: both ID numbers must be the appointment's, on its day at its office.</summary>
    public async Task<QueueTicket> CheckInBookedAsync(string officeId, string appointmentId, string firstIdNumber, string secondIdNumber,
        CancellationToken cancellationToken)
    {
        var appointment = await appointments.GetAsync(appointmentId, cancellationToken) ?? throw new NotFound("appointment", appointmentId);
        if (appointment.OfficeId != officeId)
            throw new RuleViolated("wrong-office", $"the appointment is at office {appointment.OfficeId}, not {officeId}");
        if (!appointment.IsCouple(firstIdNumber, secondIdNumber))
            throw new RuleViolated("not-this-couple", "the two ID numbers do not match the appointment's couple");
        if (appointment.Date != clock.Today)
            throw new RuleViolated("not-today", $"the appointment is for {Dates.Format(appointment.Date)}, not today ({Dates.Format(clock.Today)})");
        if (!appointment.IsActive) throw new RuleViolated("appointment-not-active", $"the appointment is {appointment.Status.ToString().ToLowerInvariant()}");
        return await CheckInAsync(NewTicket(officeId, TicketKind.Appointment, appointment.AppointmentId,
            appointment.FirstParty, appointment.SecondParty), cancellationToken);
    }

    /// <summary>A couple without an appointment, where the day allows walk-ins.</summary>
    public async Task<QueueTicket> CheckInWalkInAsync(string officeId, Party first, Party second, CancellationToken cancellationToken)
    {
        if (first.IdNumber.Equals(second.IdNumber)) throw new ValidationFailed("second_party.id_number", "must be a different person from first_party");
        var day = await calendar.GetDayAsync(officeId, clock.Today, cancellationToken);
        var office = await offices.GetAsync(officeId, cancellationToken);
        if (day?.AppointmentOnly == true || (day is null && !office.WalkInsAllowed))
            throw new RuleViolated("appointment-only", $"today ({Dates.Format(clock.Today)}) office {officeId} serves booked couples only");
        if (first.IdNumber.Sex == second.IdNumber.Sex)
            throw new RuleViolated("man-and-woman", "marriage registration is for a man and a woman (Civil Code Art. 1049)");
        return await CheckInAsync(NewTicket(officeId, TicketKind.WalkIn, null, first, second), cancellationToken);
    }

    private async Task<QueueTicket> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken) =>
        await hall.CheckInAsync(ticket, cancellationToken) switch
        {
            CheckInOutcome.CheckedIn checkedIn => checkedIn.Ticket,
            CheckInOutcome.AlreadyQueued queued => throw OneWaitingTicketPerPerson.Refusal(queued.Held, ticket),
            var other => throw new InvalidOperationException($"unexpected check-in outcome {other}"),
        };

    /// <summary>The window calls the next couple. A window still serving a called couple must finish or skip them first.</summary>
    public async Task<QueueTicket> CallNextAsync(string officeId, int window, CancellationToken cancellationToken)
    {
        await RequireWindowAsync(officeId, window, cancellationToken);
        var current = await hall.GetCalledAsync(officeId, clock.Today, window, cancellationToken);
        if (current is not null)
            throw new RuleViolated("window-busy", $"window {window} is still serving {current.Number}: register or skip it first");
        return await hall.CallNextAsync(officeId, clock.Today, window, clock.Now, cancellationToken)
            ?? throw new RuleViolated("queue-empty", "nobody is waiting");
    }

    public async Task<QueueTicket> SkipAsync(string ticketId, int window, CancellationToken cancellationToken)
    {
        var ticket = await GetAsync(ticketId, cancellationToken);
        if (ticket.Status != TicketStatus.Called)
            throw new RuleViolated("ticket-not-called", $"ticket {ticket.Number} is {ticket.Status.ToString().ToLowerInvariant()}; only a called ticket can be skipped");
        if (window != 0 && ticket.WindowNumber != window)
            throw new RuleViolated("other-window", $"ticket {ticket.Number} was called by window {ticket.WindowNumber}");
        return await SaveAsync(ticket, ticket with { Status = TicketStatus.Skipped }, cancellationToken);
    }

    /// <summary>A skipped couple who turn up again go to the front of the queue.</summary>
    public async Task<QueueTicket> RecallAsync(string ticketId, CancellationToken cancellationToken)
    {
        var ticket = await GetAsync(ticketId, cancellationToken);
        if (ticket.Status != TicketStatus.Skipped)
            throw new RuleViolated("ticket-not-skipped", $"ticket {ticket.Number} is {ticket.Status.ToString().ToLowerInvariant()}; only a skipped ticket can be recalled");
        if (ticket.Date != clock.Today) throw new RuleViolated("not-today", $"ticket {ticket.Number} was for {Dates.Format(ticket.Date)}");
        return await SaveAsync(ticket, ticket with
        {
            Status = TicketStatus.Waiting, Rank = QueueTicket.RecalledRank, QueuedAt = clock.Now, WindowNumber = null, CalledAt = null,
        }, cancellationToken);
    }

    public async Task<QueueTicket> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        await hall.GetTicketAsync(ticketId, cancellationToken) ?? throw new NotFound("ticket", ticketId);

    /// <summary>How many waiting tickets are ahead of this one.</summary>
    public async Task<int> WaitingAheadAsync(QueueTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Status != TicketStatus.Waiting) return 0;
        var tickets = await hall.GetTicketsAsync(ticket.OfficeId, ticket.Date, cancellationToken);
        return InQueueOrder(tickets).TakeWhile(t => t.TicketId != ticket.TicketId).Count();
    }

    /// <summary>The hall screen: what each window called, who is next, today's places left.</summary>
    public async Task<HallBoard> BoardAsync(string officeId, int nextCount, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var tickets = await hall.GetTicketsAsync(officeId, today, cancellationToken);
        var day = await calendar.GetDayAsync(officeId, today, cancellationToken);
        var called = tickets.Where(t => t.Status == TicketStatus.Called)
            .OrderBy(t => t.WindowNumber).Select(t => (t.WindowNumber ?? 0, t.Number, t.CalledAt!.Value)).ToList();
        var waiting = InQueueOrder(tickets).ToList();
        return new HallBoard(officeId, today, called, waiting.Take(Math.Clamp(nextCount, 1, 50)).Select(t => t.Number).ToList(),
            waiting.Count, day?.Slots ?? [], day?.AppointmentOnly ?? false);
    }

    public static IEnumerable<QueueTicket> InQueueOrder(IEnumerable<QueueTicket> tickets) =>
        tickets.Where(t => t.Status == TicketStatus.Waiting).OrderBy(t => t.Rank).ThenBy(t => t.QueuedAt).ThenBy(t => t.Number, StringComparer.Ordinal);

    private async Task RequireWindowAsync(string officeId, int window, CancellationToken cancellationToken)
    {
        var day = await calendar.GetDayAsync(officeId, clock.Today, cancellationToken);
        var windows = day?.Windows is > 0 ? day.Windows : (await offices.GetAsync(officeId, cancellationToken)).Windows;
        if (window < 1 || window > windows) throw new ValidationFailed("window_number", $"must be between 1 and {windows} today");
    }

    private async Task<QueueTicket> SaveAsync(QueueTicket before, QueueTicket after, CancellationToken cancellationToken)
    {
        var saved = after with { Version = before.Version + 1 };
        if (!await hall.UpdateTicketAsync(saved, before.Version, cancellationToken))
            throw new RuleViolated("ticket-changed", $"ticket {before.Number} was changed by another window; look again");
        return saved;
    }

    private QueueTicket NewTicket(string officeId, TicketKind kind, string? appointmentId, Party first, Party second) => new(
        "tkt_" + Guid.CreateVersion7(clock.Now).ToString("N"), officeId, clock.Today, "", kind, appointmentId, first, second,
        TicketStatus.Waiting, QueueTicket.RankOf(kind), clock.Now, clock.Now, null, null, null, 1);
}

/// <summary>What the hall screen shows.</summary>
public sealed record HallBoard(
    string OfficeId, DateOnly Date, IReadOnlyList<(int Window, string Number, DateTimeOffset CalledAt)> Called,
    IReadOnlyList<string> Next, int Waiting, IReadOnlyList<Slot> Slots, bool AppointmentOnly);
