using System.Text.RegularExpressions;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The administrator's edits of the conduct code.</summary>
public sealed partial class ConductCodeEditor(IConductCode code, BureauClock clock)
{
    /// <summary>
    /// Creates a rule (<paramref name="expectedVersion"/> 0) or edits it from the version the administrator read. A
    /// repeated save of the same content is answered with the stored rule.
    /// </summary>
    public async Task<ConductRule> SaveAsync(string? ruleId, ConductPart part, string? text, bool active, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.Clean(ruleId);
        v.Require(RuleIdPattern().IsMatch(id), "rule_id", "must be 1 to 16 letters, digits or '-', e.g. T-04");
        v.Require(Enum.IsDefined(part), "part", "must be one of the five parts of the code");
        var wording = Text.Require(text, "text", Text.MaxLine, v);
        v.Require(expectedVersion >= 0, "expected_version", "must not be negative");
        v.ThrowIfInvalid();

        var rule = new ConductRule(id, part, wording, active, expectedVersion + 1, clock.Now);
        if (await code.SaveAsync(rule, cancellationToken)) return rule;
        var stored = await code.GetAsync(id, cancellationToken);
        if (stored is not null && stored.Version == rule.Version && stored with { UpdatedAt = rule.UpdatedAt } == rule) return stored;
        throw stored is null
            ? new NotFound("conduct rule", id)
            : new RuleViolated("stale-version", expectedVersion == 0
                ? $"rule {id} already exists at version {stored.Version}; edit it from that version"
                : $"rule {id} is now at version {stored.Version}; read it again and repeat the edit");
    }

    public Task<IReadOnlyList<ConductRule>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default) =>
        code.ListAsync(includeInactive, cancellationToken);

    [GeneratedRegex("^[A-Za-z0-9-]{1,16}$")]
    private static partial Regex RuleIdPattern();
}
