using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The configured standards of every county, each with its effective dates.</summary>
public sealed class LocalStandards
{
    private readonly Dictionary<string, List<LocalStandard>> _byCounty;

    public LocalStandards(IEnumerable<LocalStandard> standards)
    {
        var all = standards.ToList();
        foreach (var standard in all)
        {
            if (standard.MonthlyStandardFen <= 0 || standard.AssetLimitPerCapitaFen < 0)
                throw new ArgumentException($"the standard of county {standard.CountyCode} from {Dates.Format(standard.EffectiveFrom)} must be positive");
        }
        var repeated = all.GroupBy(s => (s.CountyCode, s.EffectiveFrom)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"county {repeated.Key.CountyCode} has two standards effective from {Dates.Format(repeated.Key.EffectiveFrom)}");
        _byCounty = all.GroupBy(s => s.CountyCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.EffectiveFrom).ToList());
    }

    /// <summary>The standard in force in the county on the date, or a refusal a clerk can act on.</summary>
    public LocalStandard For(string countyCode, DateOnly on)
    {
        var inForce = _byCounty.TryGetValue(countyCode, out var list) ? list.LastOrDefault(s => s.EffectiveFrom <= on) : null;
        return inForce ?? throw new RuleViolated("no-local-standard",
            $"no dibao standard is configured for county {countyCode} on {Dates.Format(on)}; ask the bureau to publish one");
    }
}
