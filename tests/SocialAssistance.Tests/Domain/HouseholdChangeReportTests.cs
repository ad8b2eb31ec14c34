using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class HouseholdChangeReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly Household Couple = HouseholdValidation.Validate(new NewHousehold("110105", "addr", [
        new NewMember("王建国", IdNumbers.Man(50), Relation.Head, 50_000),
        new NewMember("刘秀英", IdNumbers.Woman(48), Relation.Spouse, 0),
    ]), "hh_1", Now, DateOnly.FromDateTime(Now.UtcDateTime));

    private static string[] Fields(HouseholdChangeReport report) =>
        Assert.Throws<ValidationFailed>(() => report.ApplyTo(Couple, Now, DateOnly.FromDateTime(Now.UtcDateTime))).Violations.Select(v => v.Field).ToArray();

    [Fact]
    public void A_member_leaves_another_joins_and_the_history_names_them_masked()
    {
        var baby = IdNumbers.Woman(0, on: DateOnly.FromDateTime(Now.UtcDateTime));
        var changed = new HouseholdChangeReport([80_000, 0], 5_000, "妻子外出务工, 孙女出生", [1],
            [new NewMember("王小丫", baby, Relation.Grandchild, 0)]).ApplyTo(Couple, Now, DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.Equal(["王建国", "王小丫"], changed.Members.Select(m => m.Name));
        Assert.Equal([80_000L, 0L], changed.MemberIncomesFen);
        Assert.Equal(2, changed.Version);
        var change = Assert.Single(changed.Changes);
        Assert.Equal("刘秀英", Assert.Single(change.MembersLeft).Name);
        Assert.Equal(Masking.MaskIdNumber(baby), Assert.Single(change.MembersJoined).MaskedIdNumber);
        Assert.Equal([50_000L, 0L], change.IncomesBeforeFen);
    }

    [Fact]
    public void Bad_reports_name_their_fields()
    {
        Assert.Equal(["monthly_incomes_fen", "note"], Fields(new HouseholdChangeReport([0], 0, "", [], [])));
        Assert.Equal(["members_leaving[0]", "members_leaving[1]"], Fields(new HouseholdChangeReport([0, 0], 0, "n", [2, 2], [])));
        Assert.Equal(["members_joining[0].id_number"], Fields(new HouseholdChangeReport([0, 0], 0, "n", [],
            [new NewMember("刘秀英", Couple.Members[1].IdNumber.Value, Relation.Other, 0)])));
    }

    [Fact]
    public void The_household_keeps_exactly_one_head_and_at_least_one_member()
    {
        Assert.Contains("members_joining", Fields(new HouseholdChangeReport([0, 0], 0, "户主去世", [0], [])));
        Assert.Contains("members_leaving", Fields(new HouseholdChangeReport([0, 0], 0, "all left", [0, 1], [])));
        var newHead = new HouseholdChangeReport([0, 0], 0, "户主去世, 妻子为户主", [0],
            [new NewMember("王强", IdNumbers.Man(25), Relation.Head, 0)]).ApplyTo(Couple, Now, DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(Relation.Head, newHead.Head.Relation);
    }

    [Fact]
    public void A_newly_assessed_work_capacity_or_health_replaces_the_old_one_and_unspecified_keeps_it()
    {
        var changed = new HouseholdChangeReport([0, 0], 0, "户主因病丧失劳动能力", [], [],
            [new MemberUpdate(0, WorkCapacity.None, HealthCondition.SeriousIllness), new MemberUpdate(1, WorkCapacity.Unspecified, HealthCondition.Disability)])
            .ApplyTo(Couple with { Members = [Couple.Members[0], Couple.Members[1] with { WorkCapacity = WorkCapacity.Partial }] }, Now, DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.Equal((WorkCapacity.None, HealthCondition.SeriousIllness), (changed.Members[0].WorkCapacity, changed.Members[0].Health));
        Assert.Equal((WorkCapacity.Partial, HealthCondition.Disability), (changed.Members[1].WorkCapacity, changed.Members[1].Health));
        Assert.Equal(["member_updates[1].member_index"], Fields(new HouseholdChangeReport([0, 0], 0, "n", [], [],
            [new MemberUpdate(0, WorkCapacity.None, HealthCondition.Healthy), new MemberUpdate(0, WorkCapacity.Full, HealthCondition.Healthy)])));
    }
}
