using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A change the household reports: the current members' new incomes (one per member, in order), the new assets,
/// members whose work capacity or health changed, members who left (by index) and members who joined. Field names
/// are those of the contract.
/// </summary>
public sealed record HouseholdChangeReport(IReadOnlyList<long> MonthlyIncomesFen, long FinancialAssetsFen, string? Note,
    IReadOnlyList<int> MembersLeaving, IReadOnlyList<NewMember> MembersJoining, IReadOnlyList<MemberUpdate>? MemberUpdates = null)
{
    /// <summary>The household after the change, with the change appended to its history; or every bad field named.</summary>
    public Household ApplyTo(Household household, DateTimeOffset at, DateOnly today)
    {
        var validator = new Validator();
        var current = household.Members;
        validator.Require(MonthlyIncomesFen.Count == current.Count, "monthly_incomes_fen",
            $"must give one income per current member ({current.Count}), in member order");
        for (var i = 0; i < MonthlyIncomesFen.Count; i++)
            Money.Check(validator, MonthlyIncomesFen[i], $"monthly_incomes_fen[{i}]");
        Money.Check(validator, FinancialAssetsFen, "financial_assets_fen");
        var note = Note?.Trim() ?? "";
        validator.Require(note.Length > 0, "note", "is required: what changed");
        for (var i = 0; i < MembersLeaving.Count; i++)
            validator.Require(MembersLeaving[i] >= 0 && MembersLeaving[i] < current.Count && !MembersLeaving.Take(i).Contains(MembersLeaving[i]),
                $"members_leaving[{i}]", $"must name a current member once (0 to {current.Count - 1})");
        var updates = MemberUpdates ?? [];
        for (var i = 0; i < updates.Count; i++)
        {
            var field = $"member_updates[{i}]";
            validator.Require(updates[i].MemberIndex >= 0 && updates[i].MemberIndex < current.Count && !updates.Take(i).Any(u => u.MemberIndex == updates[i].MemberIndex),
                $"{field}.member_index", $"must name a current member once (0 to {current.Count - 1})");
            validator.Require(Enum.IsDefined(updates[i].WorkCapacity), $"{field}.work_capacity", "is not a known work capacity");
            validator.Require(Enum.IsDefined(updates[i].Health), $"{field}.health", "is not a known health condition");
        }
        validator.ThrowIfInvalid();

        var updated = current.Select((m, i) => updates.FirstOrDefault(u => u.MemberIndex == i) is { } u ? u.ApplyTo(m) : m).ToList();
        var staying = updated.Select((m, i) => (Member: m with { MonthlyIncomeFen = MonthlyIncomesFen[i] }, Index: i))
            .Where(x => !MembersLeaving.Contains(x.Index)).Select(x => x.Member).ToList();
        var members = new List<HouseholdMember>(staying);
        for (var i = 0; i < MembersJoining.Count; i++)
        {
            var field = $"members_joining[{i}]";
            if (HouseholdValidation.CheckMember(validator, MembersJoining[i], field, today) is not { } joining) continue;
            if (members.Any(m => m.IdNumber.Equals(joining.IdNumber)))
                validator.Add($"{field}.id_number", "is already a member of the household");
            else
                members.Add(joining);
        }
        validator.Require(members.Count > 0, "members_leaving", "would leave the household without members");
        validator.Require(members.Count <= HouseholdValidation.MaxMembers, "members_joining", $"the household may have at most {HouseholdValidation.MaxMembers} members");
        var heads = members.Count(m => m.Relation == Relation.Head);
        if (members.Count > 0 && heads != 1) validator.Add("members_joining", $"the household must keep exactly one HEAD, not {heads}");
        validator.ThrowIfInvalid();

        var change = new HouseholdChange(at, note, household.MemberIncomesFen, MonthlyIncomesFen.ToList(), household.FinancialAssetsFen, FinancialAssetsFen)
        {
            MembersLeft = MembersLeaving.Select(i => MemberMention.Of(current[i])).ToList(),
            MembersJoined = members.Skip(staying.Count).Select(MemberMention.Of).ToList(),
        };
        return household with
        {
            Members = members,
            FinancialAssetsFen = FinancialAssetsFen,
            Changes = [.. household.Changes, change],
            Version = household.Version + 1,
        };
    }
}
