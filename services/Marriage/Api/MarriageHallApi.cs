using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.ServiceDefaults.Metrics;
using Grpc.Core;
using Party = CivilAffairs.Marriage.Domain.Party;

namespace CivilAffairs.Marriage.Api;

/// <summary>The hall on the day: check-in, the queue, the screen board and the day's figures. Translation only.</summary>
public sealed class MarriageHallApi(HallQueue hall, DailyReport report, OfficeClock clock, PlatformMetrics metrics) : MarriageHall.MarriageHallBase
{
    public override async Task<Ticket> CheckIn(CheckInRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        QueueTicket ticket;
        if (!string.IsNullOrWhiteSpace(request.AppointmentId))
        {
            var first = validator.IdNumber(request.FirstParty?.IdNumber, "first_party.id_number", clock.Today);
            var second = validator.IdNumber(request.SecondParty?.IdNumber, "second_party.id_number", clock.Today);
            validator.ThrowIfInvalid();
            ticket = await hall.CheckInBookedAsync(officeId, request.AppointmentId.Trim(), first, second, context.CancellationToken);
        }
        else
        {
            var first = Party.Parse(request.FirstParty?.Name, request.FirstParty?.IdNumber, request.FirstParty?.Phone, "first_party", validator, clock.Today);
            var second = Party.Parse(request.SecondParty?.Name, request.SecondParty?.IdNumber, request.SecondParty?.Phone, "second_party", validator, clock.Today);
            validator.ThrowIfInvalid();
            ticket = await hall.CheckInWalkInAsync(officeId, first, second, context.CancellationToken);
        }
        return ticket.ToContract(await hall.WaitingAheadAsync(ticket, context.CancellationToken));
    }

    public override async Task<Ticket> CallNext(CallNextRequest request, ServerCallContext context) =>
        (await hall.CallNextAsync(OfficeId.Parse(request.OfficeId), request.WindowNumber, context.CancellationToken)).ToContract(0);

    public override async Task<Ticket> SkipTicket(TicketActionRequest request, ServerCallContext context) =>
        (await hall.SkipAsync(RequireTicketId(request.TicketId), request.WindowNumber, context.CancellationToken)).ToContract(0);

    public override async Task<Ticket> RecallTicket(TicketActionRequest request, ServerCallContext context)
    {
        var ticket = await hall.RecallAsync(RequireTicketId(request.TicketId), context.CancellationToken);
        return ticket.ToContract(await hall.WaitingAheadAsync(ticket, context.CancellationToken));
    }

    public override async Task<Ticket> GetTicket(GetTicketRequest request, ServerCallContext context)
    {
        var ticket = await hall.GetAsync(RequireTicketId(request.TicketId), context.CancellationToken);
        return ticket.ToContract(await hall.WaitingAheadAsync(ticket, context.CancellationToken));
    }

    public override async Task<V1.HallBoard> GetHallBoard(GetHallBoardRequest request, ServerCallContext context)
    {
        var board = await hall.BoardAsync(OfficeId.Parse(request.OfficeId), request.NextCount == 0 ? 10 : request.NextCount, context.CancellationToken);
        metrics.QueueLength(Window.MarriageRegistration, board.Waiting);
        return board.ToContract();
    }

    public override async Task<V1.DailyStatistics> GetDailyStatistics(GetDailyStatisticsRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var date = validator.Try(() => Dates.ParseDate(request.Date, "date"));
        validator.ThrowIfInvalid();
        return (await report.ForAsync(officeId, date, context.CancellationToken)).ToContract();
    }

    private static string RequireTicketId(string ticketId) =>
        string.IsNullOrWhiteSpace(ticketId) ? throw new ValidationFailed("ticket_id", "is required") : ticketId.Trim();
}
