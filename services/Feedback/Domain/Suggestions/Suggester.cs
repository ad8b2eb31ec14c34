namespace CivilAffairs.Feedback.Domain;

/// <summary>The person behind a named suggestion. The phone is kept for a call back and never shown.</summary>
public sealed record Suggester(string Name, string? Phone)
{
    public string MaskedName => SharedKernel.Masking.MaskName(Name);

    public override string ToString() => MaskedName;
}
