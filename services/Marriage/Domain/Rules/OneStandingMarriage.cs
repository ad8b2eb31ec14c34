using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain.Rules;

/// <summary>
/// A person with a standing marriage cannot register another (Civil Code 1041-1042: monogamy). Asked of the marital-status
/// registry behind <see cref="IMarriageStatusRegistry"/>; the refusal says what was checked. A person whose marriage ended
/// (divorce, death of the spouse, invalidity, annulment) has no standing marriage and may register again.
/// </summary>
public sealed class OneStandingMarriage(IMarriageStatusRegistry registry)
{
    public const string Rule = "already-married";

    public string Consulted => registry.Consulted;

    public async Task RequireFreeAsync(string idNumber, string field, CancellationToken cancellationToken)
    {
        var answer = await registry.StatusOfAsync(idNumber, cancellationToken);
        if (answer.HasStandingMarriage) throw Refusal(field, answer.Checked);
    }

    public static RuleViolated Refusal(string field, string consulted) =>
        new(Rule, $"{field} is recorded as married ({consulted}); a person with a standing marriage cannot register another");
}
