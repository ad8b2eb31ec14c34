namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// An appointed conduct evaluator (行风评议员): a citizen who inspects the windows during a term. The name is shown
/// masked; the phone is kept for the office to reach them and never shown.
/// </summary>
public sealed record Evaluator(
    string Id,
    string Name,
    string? Phone,
    string? Affiliation,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateTimeOffset AppointedAt)
{
    public string MaskedName => SharedKernel.Masking.MaskName(Name);

    public bool InTermOn(DateOnly day) => day >= TermStart && day <= TermEnd;

    // The generated ToString would print the name and phone.
    public override string ToString() => $"Evaluator {{ Id = {Id}, Name = {MaskedName} }}";
}
