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

    public async Task<Household> GetAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationFailed("household_id", "is required");
        return await households.GetAsync(id.Trim()) ?? throw new NotFound("household", id.Trim());
    }
}
