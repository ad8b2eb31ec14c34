using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// The social-assistance desk: households register and apply for dibao; one form lists the same person twice (400);
/// a caseworker looks up a household that does not exist (404).
/// </summary>
public sealed class AssistanceDesk(Counter counter, Residents residents, Random random)
{
    private const Window Here = Window.SocialAssistance;

    public async Task PlayAsync()
    {
        for (var i = 0; i < 6; i++)
        {
            var head = residents.IdNumber(random.Next(35, 70), male: random.Next(2) == 0);
            var household = await counter.PostAsync(Here, "register a household", "/api/assistance/v1/households",
                Household(head, residents.IdNumber(random.Next(3, 17), male: random.Next(2) == 0)));
            if (household?.GetProperty("householdId").GetString() is not { } id) continue;
            var application = await counter.PostAsync(Here, "apply for dibao", $"/api/assistance/v1/households/{id}/applications",
                new { applicant_kind = "HOUSEHOLD", reason = "家庭成员患病，收入低于当地低保标准" });
            if (application?.GetProperty("applicationId").GetString() is { } applicationId)
                await counter.GetAsync(Here, "look up an application", $"/api/assistance/v1/applications/{applicationId}");
        }
        var twice = residents.IdNumber(50, male: true);
        await counter.PostAsync(Here, "a form lists the same person twice", "/api/assistance/v1/households", Household(twice, twice));
        await counter.GetAsync(Here, "look up a household that does not exist", "/api/assistance/v1/households/no-such-household");
        await counter.GetAsync(Here, "applications past their time limit", "/api/assistance/v1/overdue-applications");
    }

    private object Household(string head, string child) => new
    {
        county_code = "110105",
        address = $"朝阳区和平街 {random.Next(1, 200)} 号",
        financial_assets_fen = random.Next(0, 2_000_000),
        members = new object[]
        {
            new { name = residents.Name(), id_number = head, relation = "HEAD", monthly_income_fen = random.Next(0, 120_000), work_capacity = "PARTIAL", health = "SERIOUS_ILLNESS" },
            new { name = residents.Name(), id_number = child, relation = "CHILD", monthly_income_fen = 0, work_capacity = "NONE", health = "HEALTHY" },
        },
    };
}
