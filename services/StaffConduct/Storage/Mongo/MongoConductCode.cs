using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoConductCode(IMongoDatabase database) : IConductCode
{
    public const string CollectionName = "conduct_rules";

    private readonly IMongoCollection<ConductRuleDocument> _rules = database.GetCollection<ConductRuleDocument>(CollectionName);

    public async Task<bool> SaveAsync(ConductRule rule, CancellationToken cancellationToken = default)
    {
        if (rule.Version > 1)
        {
            var result = await _rules.ReplaceOneAsync(AtVersion(rule.Id, rule.Version - 1), ConductRuleDocument.From(rule),
                cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        }
        return await _rules.InsertOnceAsync(ConductRuleDocument.From(rule), cancellationToken, indexName: null);
    }

    public async Task<ConductRule?> GetAsync(string ruleId, CancellationToken cancellationToken = default) =>
        (await _rules.Find(Builders<ConductRuleDocument>.Filter.Eq(d => d.Id, ruleId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<ConductRule>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default)
    {
        var found = await _rules.Find(Listing(includeInactive)).Sort(ByPart).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task SeedAsync(IReadOnlyList<ConductRule> rules, CancellationToken cancellationToken = default)
    {
        if (await _rules.Find(FilterDefinition<ConductRuleDocument>.Empty).Limit(1).AnyAsync(cancellationToken)) return;
        try
        {
            // Unordered: when two instances seed at once, the duplicates of the slower one are simply skipped.
            await _rules.InsertManyAsync(rules.Select(ConductRuleDocument.From), new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException error) when (error.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
        }
    }

    internal static FilterDefinition<ConductRuleDocument> AtVersion(string ruleId, int version)
    {
        var f = Builders<ConductRuleDocument>.Filter;
        return f.And(f.Eq(d => d.Id, ruleId), f.Eq(d => d.Version, version));
    }

    internal static FilterDefinition<ConductRuleDocument> Listing(bool includeInactive) =>
        includeInactive ? FilterDefinition<ConductRuleDocument>.Empty : Builders<ConductRuleDocument>.Filter.Eq(d => d.Active, true);

    internal static readonly SortDefinition<ConductRuleDocument> ByPart =
        Builders<ConductRuleDocument>.Sort.Ascending(d => d.Part).Ascending(d => d.Id);
}
