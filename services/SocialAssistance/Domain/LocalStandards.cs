using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The standards of every county, each with its effective date: those in configuration and those the bureau publishes
/// through the service (kept in the store, so every instance of the service sees them).
/// </summary>
public sealed class LocalStandards
{
    private readonly Dictionary<string, List<LocalStandard>> _byCounty;
    private readonly IStandardStore? _published;

    public LocalStandards(IEnumerable<LocalStandard> standards, IStandardStore? published = null)
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
        _published = published;
    }

    /// <summary>The configured standard in force in the county on the date, or a refusal a clerk can act on.</summary>
    public LocalStandard For(string countyCode, DateOnly on) =>
        InForce(_byCounty.TryGetValue(countyCode, out var list) ? list : [], countyCode, on);

    /// <summary>The standard in force in the county on the date, published ones included.</summary>
    public async Task<LocalStandard> ForAsync(string countyCode, DateOnly on) => InForce(await OfCountyAsync(countyCode), countyCode, on);

    /// <summary>Every standard of the county, configured and published, by effective date.</summary>
    public async Task<IReadOnlyList<LocalStandard>> OfCountyAsync(string countyCode)
    {
        var configured = _byCounty.TryGetValue(countyCode, out var list) ? list : [];
        var published = _published is null ? [] : await _published.ListAsync(countyCode);
        return configured.Concat(published.Where(p => configured.All(c => c.EffectiveFrom != p.EffectiveFrom)))
            .OrderBy(s => s.EffectiveFrom).ToList();
    }

    /// <summary>Keeps a newly published standard; false when the county already has one from that date.</summary>
    public async Task<bool> PublishAsync(LocalStandard standard)
    {
        if (_published is null) throw new InvalidOperationException("no store for published standards");
        if (_byCounty.TryGetValue(standard.CountyCode, out var list) && list.Any(s => s.EffectiveFrom == standard.EffectiveFrom)) return false;
        return await _published.AddAsync(standard);
    }

    private static LocalStandard InForce(IReadOnlyList<LocalStandard> list, string countyCode, DateOnly on) =>
        list.LastOrDefault(s => s.EffectiveFrom <= on) ?? throw new RuleViolated("no-local-standard",
            $"no dibao standard is configured for county {countyCode} on {Dates.Format(on)}; ask the bureau to publish one");
}
