namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A change the household reported (情况变化), with the figures before and after (incomes of the members before the
/// change, in their order) and who left or joined. Appended, never rewritten.
/// </summary>
public sealed record HouseholdChange(DateTimeOffset At, string Note, IReadOnlyList<long> IncomesBeforeFen, IReadOnlyList<long> IncomesAfterFen,
    long AssetsBeforeFen, long AssetsAfterFen)
{
    public IReadOnlyList<MemberMention> MembersLeft { get; init; } = [];
    public IReadOnlyList<MemberMention> MembersJoined { get; init; } = [];
}

/// <summary>A member named in the history: the name and the masked ID number only.</summary>
public sealed record MemberMention(string Name, string MaskedIdNumber)
{
    public static MemberMention Of(HouseholdMember member) => new(member.Name, member.IdNumber.Masked);
}
