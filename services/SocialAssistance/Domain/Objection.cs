namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>An objection lodged during the public posting; it must be resolved before confirmation.</summary>
public sealed record Objection
{
    public required string Id { get; init; }
    public required DateOnly LodgedOn { get; init; }
    public required string Text { get; init; }
    public string Resolution { get; init; } = "";
    public string ResolvedBy { get; init; } = "";
    public DateOnly? ResolvedOn { get; init; }
    /// <summary>True when the objection was found to be well-founded: the case cannot be confirmed as posted.</summary>
    public bool Upheld { get; init; }

    public bool Resolved => ResolvedOn is not null;
}
