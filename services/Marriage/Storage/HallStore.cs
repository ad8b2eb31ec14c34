using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>The hall's tickets, each numbered from its office, day and kind's series; one ticket per appointment.</summary>
internal sealed class HallStore(IDocumentStore store, AppointmentStore appointments, NumberSeries numbers) : IHallStore
{
    public async Task<CheckInOutcome> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken)
    {
        var series = $"ticket-{ticket.OfficeId}-{Dates.Format(ticket.Date)}-{ticket.NumberPrefix}";
        var earlier = await numbers.EarlierAsync(series, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var batch = new WriteBatch();
            var numbered = batch.InsertNumbered(Tickets, series, (t, n) => t with { Number = Numbering.Ticket(t.NumberPrefix, (int)(earlier + n)) }, ticket);
            if (ticket.AppointmentId is { } appointmentId)
                await appointments.ChangeAsync(batch, appointmentId, a => (a with { Status = AppointmentStatus.CheckedIn }).Noting(ticket.CheckedInAt, "checked in"),
                    cancellationToken);
            var conflict = await store.CommitAsync(batch, cancellationToken);
            if (conflict is null) return new CheckInOutcome.CheckedIn(numbered.Document);
            // The couple checked in already (or at this very moment): they keep the ticket they have.
            if (conflict is WriteConflict.DuplicateKey { Rule: OneTicketPerAppointment })
                return new CheckInOutcome.CheckedIn(
                    (await store.FindAsync(Tickets, DocumentQuery.Where("appointment", ticket.AppointmentId).Take(1), cancellationToken))[0].Document);
            if (conflict is WriteConflict.DuplicateKey { Rule: OneTicketPerPerson })
            {
                var held = await HeldAsync(ticket, cancellationToken);
                if (held is null) continue; // the other ticket was finished meanwhile: try again
                return held.AppointmentId is not null && held.AppointmentId == ticket.AppointmentId
                    ? new CheckInOutcome.CheckedIn(held)
                    : new CheckInOutcome.AlreadyQueued(held);
            }
            if (conflict is not WriteConflict.Stale || attempt == Retries.Attempts) throw Retries.Unexpected(conflict);
        }
    }

    /// <summary>The ticket of the day that holds either person of <paramref name="ticket"/>, if any.</summary>
    private async Task<QueueTicket?> HeldAsync(QueueTicket ticket, CancellationToken cancellationToken)
    {
        foreach (var party in new[] { ticket.FirstParty, ticket.SecondParty })
        {
            var held = await store.FindAsync(Tickets, DocumentQuery.Where("persons", PersonKey(ticket.Date, party.IdNumber.Value)).Take(1), cancellationToken);
            if (held.Count > 0) return held[0].Document;
        }
        return null;
    }

    public async Task<QueueTicket?> GetTicketAsync(string ticketId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Tickets, ticketId, cancellationToken))?.Document;

    public async Task<QueueTicket?> GetCalledAsync(string officeId, DateOnly date, int window, CancellationToken cancellationToken) =>
        (await store.FindAsync(Tickets, Day(officeId, date).And("status", TicketStatus.Called).And("window", window).Take(1), cancellationToken))
        .FirstOrDefault()?.Document;

    /// <summary>The first waiting ticket in queue order, taken at its version: a window that loses it to another window
    /// tries the new first one, so it can lose at most once to each of the others.</summary>
    public async Task<QueueTicket?> CallNextAsync(string officeId, DateOnly date, int window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var firstWaiting = Day(officeId, date).And("status", TicketStatus.Waiting).OrderBy("rank").OrderBy("queuedAt").OrderBy("number").Take(1);
        for (var attempt = 1; ; attempt++)
        {
            if ((await store.FindAsync(Tickets, firstWaiting, cancellationToken)).FirstOrDefault() is not { } next) return null;
            var called = next.Document with { Status = TicketStatus.Called, WindowNumber = window, CalledAt = at, Version = next.Document.Version + 1 };
            var conflict = await store.CommitAsync(new WriteBatch().Replace(Tickets, called, next.Version), cancellationToken);
            if (conflict is null) return called;
            if (conflict is not WriteConflict.Stale || attempt == OfficeSettings.MaxWindows) throw Retries.Unexpected(conflict);
        }
    }

    public async Task<bool> UpdateTicketAsync(QueueTicket ticket, int expectedVersion, CancellationToken cancellationToken) =>
        await store.CommitAsync(new WriteBatch().Replace(Tickets, ticket, expectedVersion), cancellationToken) is null;

    public async Task<IReadOnlyList<QueueTicket>> GetTicketsAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await store.FindAsync(Tickets, Day(officeId, date).OrderBy("queuedAt"), cancellationToken)).Select(t => t.Document).ToList();

    private static DocumentQuery Day(string officeId, DateOnly date) => DocumentQuery.Where("office", officeId).And("date", date);
}
