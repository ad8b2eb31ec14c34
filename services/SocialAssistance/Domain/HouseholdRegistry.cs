using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Registers households and finds them again.</summary>
public sealed class HouseholdRegistry(IHouseholdStore households, IIdempotencyStore keys, TimeProvider clock)
{
    public const string Scope = "register-household";

    public Task<Household> RegisterAsync(NewHousehold input, IdempotencyClaim? claim) =>
        Idempotency.RunAsync(keys, claim, households.GetAsync, async () =>
        {
            var household = HouseholdValidation.Validate(input, Ids.New("hh"), clock.GetUtcNow());
            if (await households.AddAsync(household, claim) is { } conflict)
                throw new RuleViolated("member-in-active-household",
                    $"members[{conflict.MemberIndex}] already belongs to another active household; a person is counted in one household only");
            return household;
        });

    public const string ChangeScope = "report-household-change";

    /// <summary>The household reports new incomes or assets (one income per member, in member order).</summary>
    public Task<Household> ReportChangeAsync(string? householdId, IReadOnlyList<long> incomesFen, long assetsFen, string? note, IdempotencyClaim? claim) =>
        Idempotency.RunAsync(keys, claim, households.GetAsync, async () =>
        {
            var household = await GetAsync(householdId);
            var validator = new Validator();
            validator.Require(incomesFen.Count == household.Members.Count, "monthly_incomes_fen",
                $"must give one income per member ({household.Members.Count}), in member order");
            for (var i = 0; i < incomesFen.Count; i++)
                validator.Require(incomesFen[i] >= 0, $"monthly_incomes_fen[{i}]", "must not be negative");
            validator.Require(assetsFen >= 0, "financial_assets_fen", "must not be negative");
            validator.Require(!string.IsNullOrWhiteSpace(note), "note", "is required: what changed");
            validator.ThrowIfInvalid();
            if (!household.Active) throw new RuleViolated("household-inactive", "the household is no longer active");
            var changed = household.WithReportedChange(incomesFen, assetsFen, note!.Trim(), clock.GetUtcNow());
            if (!await households.UpdateAsync(changed, household.Version, claim))
                throw new RuleViolated("concurrent-change", "the household was changed by someone else meanwhile; read it again and retry");
            return changed;
        });

    public async Task<Household> GetAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationFailed("household_id", "is required");
        return await households.GetAsync(id.Trim()) ?? throw new NotFound("household", id.Trim());
    }
}
