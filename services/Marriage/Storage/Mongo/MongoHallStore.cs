using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

internal sealed class MongoHallStore(MongoMarriageCollections db) : IHallStore
{
    public async Task<QueueTicket> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async (s, ct) =>
            {
                if (ticket.AppointmentId is { } appointmentId)
                {
                    var existing = await db.Tickets.Find(s, t => t.AppointmentId == appointmentId).FirstOrDefaultAsync(ct);
                    if (existing is not null) return existing.ToDomain();
                    var appointment = await db.Appointments.Find(s, a => a.Id == appointmentId).FirstAsync(ct);
                    var checkedIn = (MongoAppointmentStore.ToDomain(appointment) with { Status = AppointmentStatus.CheckedIn })
                        .Noting(ticket.CheckedInAt, "checked in");
                    await db.Appointments.ReplaceOneAsync(s, a => a.Id == appointmentId, MongoAppointmentStore.ToDocument(checkedIn), cancellationToken: ct);
                }
                var sequence = await db.NextAsync(s, $"ticket-{ticket.OfficeId}-{Dates.Format(ticket.Date)}-{ticket.NumberPrefix}", ct);
                var numbered = ticket with { Number = Numbering.Ticket(ticket.NumberPrefix, (int)sequence) };
                await db.Tickets.InsertOneAsync(s, numbered.ToDocument(), cancellationToken: ct);
                return numbered;
            }, cancellationToken);
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey && ticket.AppointmentId is not null)
        {
            // The same couple checked in twice at once: the other check-in's ticket stands.
            return (await db.Tickets.Find(t => t.AppointmentId == ticket.AppointmentId).FirstAsync(cancellationToken)).ToDomain();
        }
    }

    public async Task<QueueTicket?> GetTicketAsync(string ticketId, CancellationToken cancellationToken) =>
        (await db.Tickets.Find(t => t.TicketId == ticketId).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<QueueTicket?> GetCalledAsync(string officeId, DateOnly date, int window, CancellationToken cancellationToken)
    {
        var day = Dates.Format(date);
        var called = (int)TicketStatus.Called;
        return (await db.Tickets.Find(t => t.OfficeId == officeId && t.Date == day && t.Status == called && t.WindowNumber == window)
            .FirstOrDefaultAsync(cancellationToken))?.ToDomain();
    }

    public async Task<QueueTicket?> CallNextAsync(string officeId, DateOnly date, int window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var update = Builders<TicketDocument>.Update
            .Set(t => t.Status, (int)TicketStatus.Called)
            .Set(t => t.WindowNumber, window)
            .Set(t => t.CalledAt, at.UtcDateTime)
            .Inc(t => t.Version, 1);
        var called = await db.Tickets.FindOneAndUpdateAsync(MarriageQueries.WaitingOn(officeId, Dates.Format(date)), update,
            new FindOneAndUpdateOptions<TicketDocument> { Sort = MarriageQueries.QueueOrder(), ReturnDocument = ReturnDocument.After }, cancellationToken);
        return called?.ToDomain();
    }

    public async Task<bool> UpdateTicketAsync(QueueTicket ticket, int expectedVersion, CancellationToken cancellationToken) =>
        (await db.Tickets.ReplaceOneAsync(MarriageQueries.TicketAtVersion(ticket.TicketId, expectedVersion), ticket.ToDocument(),
            cancellationToken: cancellationToken)).ModifiedCount == 1;

    public async Task<IReadOnlyList<QueueTicket>> GetTicketsAsync(string officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var day = Dates.Format(date);
        var tickets = await db.Tickets.Find(t => t.OfficeId == officeId && t.Date == day).SortBy(t => t.QueuedAt).ToListAsync(cancellationToken);
        return tickets.Select(t => t.ToDomain()).ToList();
    }
}
