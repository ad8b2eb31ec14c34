namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a monthly run did: cases paid now, cases already paid for the month (by an earlier run), the total.</summary>
public sealed record PaymentRun(string Id, DateOnly Month, DateTimeOffset RanAt, int PaidCount, int AlreadyPaidCount, long TotalPaidFen);
