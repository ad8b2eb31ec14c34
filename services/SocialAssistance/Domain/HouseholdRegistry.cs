using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Registers households and finds them again.</summary>
public sealed class HouseholdRegistry(IHouseholdStore households, CaseCalendar calendar)
{
    public async Task<Household> RegisterAsync(NewHousehold input)
    {
        var household = HouseholdValidation.Validate(input, Ids.New("hh"), calendar.Now, calendar.Today);
        if (await households.AddAsync(household) is { } conflict)
            throw new RuleViolated("member-in-active-household",
                $"members[{conflict.MemberIndex}] already belongs to another active household; a person is counted in one household only");
        return household;
    }

    /// <summary>The household reports new incomes, assets or members; the change is kept in its history.</summary>
    public async Task<Household> ReportChangeAsync(string? householdId, HouseholdChangeReport report)
    {
        var household = await GetAsync(householdId);
        if (!household.Active) throw new RuleViolated("household-inactive", "the household is no longer active");
        var changed = report.ApplyTo(household, calendar.Now, calendar.Today);
        var update = await households.UpdateAsync(changed, household.Version);
        if (update.Conflict is { } conflict)
            throw new RuleViolated("member-in-active-household",
                $"members_joining[{conflict.MemberIndex - (household.Members.Count - report.MembersLeaving.Count)}] already belongs to another active household");
        if (!update.Applied)
            throw new RuleViolated("concurrent-change", "the household was changed by someone else meanwhile; read it again and retry");
        return changed;
    }

    public async Task<Household> GetAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationFailed("household_id", "is required");
        return await households.GetAsync(id.Trim()) ?? throw new NotFound("household", id.Trim());
    }
}
