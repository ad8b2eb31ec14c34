using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A household as a clerk enters it, before any check. Field names are those of the contract.</summary>
public sealed record NewHousehold(string? CountyCode, string? Address, IReadOnlyList<NewMember> Members, long FinancialAssetsFen = 0);

public sealed record NewMember(string? Name, string? IdNumber, Relation Relation, long MonthlyIncomeFen,
    WorkCapacity WorkCapacity = WorkCapacity.Unspecified, HealthCondition Health = HealthCondition.Unspecified,
    DisabilityKind Disability = DisabilityKind.Unspecified, int DisabilityGrade = 0);

public static class HouseholdValidation
{
    public const int MaxMembers = 30;
    public const int MaxAddressLength = 200;
    public const int MaxNameLength = 50;

    /// <summary>Checks every field and returns the household to store, or throws naming every bad field.</summary>
    /// <param name="today">The bureau's today: a number whose birth date is after it is refused.</param>
    public static Household Validate(NewHousehold input, string id, DateTimeOffset now, DateOnly today)
    {
        var validator = new Validator();
        var county = input.CountyCode?.Trim() ?? "";
        validator.Require(county.Length == 6 && county.All(char.IsAsciiDigit), "county_code",
            "must be the 6-digit administrative division code");
        var address = input.Address?.Trim() ?? "";
        validator.Require(address.Length > 0, "address", "is required");
        validator.Require(address.Length <= MaxAddressLength, "address", $"must be at most {MaxAddressLength} characters");

        var members = new List<HouseholdMember>();
        if (input.Members.Count == 0) validator.Add("members", "must list at least one member");
        if (input.Members.Count > MaxMembers) validator.Add("members", $"must list at most {MaxMembers} members");
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < input.Members.Count; i++)
        {
            if (CheckMember(validator, input.Members[i], $"members[{i}]", today) is not { } member) continue;
            if (seen.TryGetValue(member.IdNumber.Value, out var first))
            {
                validator.Add($"members[{i}].id_number", $"is the same person as members[{first}]");
                continue;
            }
            seen[member.IdNumber.Value] = i;
            members.Add(member);
        }
        Money.Check(validator, input.FinancialAssetsFen, "financial_assets_fen");
        var heads = input.Members.Count(m => m.Relation == Relation.Head);
        if (input.Members.Count > 0 && heads != 1)
            validator.Add("members", $"must have exactly one HEAD, not {heads}");
        validator.ThrowIfInvalid();

        return new Household
        {
            Id = id,
            CountyCode = county,
            Address = address,
            Members = members,
            FinancialAssetsFen = input.FinancialAssetsFen,
            RegisteredAt = now,
        };
    }

    /// <summary>Checks one member's fields (named under <paramref name="field"/>); null when the ID number is not valid.</summary>
    public static HouseholdMember? CheckMember(Validator validator, NewMember member, string field, DateOnly today)
    {
        var name = member.Name?.Trim() ?? "";
        validator.Require(name.Length > 0, $"{field}.name", "is required");
        validator.Require(name.Length <= MaxNameLength, $"{field}.name", $"must be at most {MaxNameLength} characters");
        validator.Require(Enum.IsDefined(member.Relation) && member.Relation != Relation.Unspecified,
            $"{field}.relation", "must be given (HEAD, SPOUSE, CHILD, ...)");
        Money.Check(validator, member.MonthlyIncomeFen, $"{field}.monthly_income_fen");
        validator.Require(Enum.IsDefined(member.WorkCapacity), $"{field}.work_capacity", "is not a known work capacity");
        validator.Require(Enum.IsDefined(member.Health), $"{field}.health", "is not a known health condition");
        validator.Require(Enum.IsDefined(member.Disability), $"{field}.disability_kind", "is not a known kind of disability");
        if (member.Disability == DisabilityKind.Unspecified)
            validator.Require(member.DisabilityGrade == 0, $"{field}.disability_grade", "is given only with a disability_kind");
        else
            validator.Require(member.DisabilityGrade is >= 1 and <= 4, $"{field}.disability_grade", "must be 1 to 4, as on the disability certificate");
        if (!ResidentIdNumber.TryParse(member.IdNumber, out var idNumber, out var error, today))
        {
            validator.Add($"{field}.id_number", $"the resident ID number {error}");
            return null;
        }
        return new HouseholdMember(name, idNumber!, member.Relation, member.MonthlyIncomeFen, member.WorkCapacity, member.Health,
            member.Disability, member.DisabilityGrade);
    }
}
