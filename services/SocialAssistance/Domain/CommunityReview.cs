namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The community's democratic review (民主评议): who attended and how they voted.</summary>
public sealed record CommunityReview(DateOnly HeldOn, int Attendees, int VotesFor, int VotesAgainst, int Abstentions, string RecordedBy)
{
    /// <summary>A meeting of the community, not a stadium: more attendees than this is a typing error.</summary>
    public const int MaxAttendees = 10_000;

    /// <summary>More than half of those present voted for.</summary>
    public bool Passed => VotesFor * 2 > Attendees;
}
