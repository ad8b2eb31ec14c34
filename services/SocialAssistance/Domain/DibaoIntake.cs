using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The window's intake of dibao applications: one open application per household at a time.</summary>
public sealed class DibaoIntake(HouseholdRegistry registry, IApplicationStore applications, TimeProvider clock)
{
    public async Task<DibaoApplication> SubmitAsync(NewDibaoApplication input)
    {
        var valid = input.Validated();
        var household = await registry.GetAsync(valid.HouseholdId);
        if (!household.Active)
            throw new RuleViolated("household-inactive", "the household is no longer active; register its current members again");
        var application = new DibaoApplication
        {
            Id = Ids.New("dba"),
            HouseholdId = household.Id,
            ApplicantKind = valid.ApplicantKind,
            ApplicantName = valid.ApplicantName ?? "",
            Reason = valid.Reason ?? "",
            Status = ApplicationStatus.Submitted,
            SubmittedAt = clock.GetUtcNow(),
        };
        if (await applications.AddAsync(application) is { } open)
            throw new AlreadyExists("dibao-application",
                $"the household already has an open dibao application ({open.Id}, status {open.Status.Code()}); one at a time");
        return application;
    }

    public async Task<DibaoApplication> GetAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationFailed("application_id", "is required");
        return await applications.GetAsync(id.Trim()) ?? throw new NotFound("dibao-application", id.Trim());
    }
}
