using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain.Rules;

/// <summary>
/// In the hall, a person holds one ticket at a time (waiting, called, or skipped and able to be recalled): the same
/// couple cannot take a second ticket, and a person cannot queue again with another partner. Decided by the store on the
/// persons' keys, so two check-ins at the same moment cannot both pass.
/// </summary>
public static class OneWaitingTicketPerPerson
{
    public const string SameCouple = "couple-already-queued";
    public const string OtherPartner = "person-already-queued";

    /// <summary>The tickets that still hold their persons.</summary>
    public static bool Holds(QueueTicket ticket) => ticket.Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Skipped;

    public static RuleViolated Refusal(QueueTicket held, QueueTicket wanted)
    {
        var sameCouple = held.IsCouple(wanted.FirstParty.IdNumber.Value, wanted.SecondParty.IdNumber.Value);
        if (sameCouple)
            return new RuleViolated(SameCouple, $"this couple already holds ticket {held.Number} today; one ticket per couple");
        var who = held.HasParty(wanted.FirstParty.IdNumber.Value) ? "first_party" : "second_party";
        return new RuleViolated(OtherPartner, $"{who} already holds ticket {held.Number} today with another partner; one ticket per person");
    }
}
