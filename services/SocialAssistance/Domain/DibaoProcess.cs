using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain.Rules;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// Runs the steps of the dibao process: checks who acts (with staff-conduct) before anything is written, applies the
/// transition, and saves it only if nobody changed the case meanwhile.
/// </summary>
public sealed class DibaoProcess(
    IApplicationStore applications,
    HouseholdRegistry registry,
    AssistanceStaff staff,
    LocalStandards standards,
    DibaoRules rules,
    CaseCalendar calendar,
    IPlatformEvents events)
{
    public Task<DibaoApplication> AcceptAsync(string? applicationId, string? staffId) =>
        WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Accept(clerk, calendar, rules)));

    public Task<DibaoApplication> AssignCaseworkerAsync(string? applicationId, string? staffId) =>
        WithStaffAsync(applicationId, staffId, (application, caseworker) => Task.FromResult(application.AssignCaseworker(caseworker, calendar)));

    public Task<DibaoApplication> RecordInvestigationAsync(string? applicationId, string? staffId, Investigation input) =>
        WithStaffAsync(applicationId, staffId, async (application, caseworker) =>
        {
            var household = await registry.GetAsync(application.HouseholdId);
            var visit = input.Validated(household, caseworker.Id);
            var test = MeansTest.Compute(await standards.ForAsync(household.CountyCode, calendar.Today), input.VerifiedMonthlyIncomesFen,
                input.VerifiedFinancialAssetsFen, calendar.Today);
            return application.RecordInvestigation(caseworker.Id, visit, test, calendar);
        });

    public Task<DibaoApplication> RecordCommunityReviewAsync(string? applicationId, string? staffId, string? heldOn,
        int attendees, int votesFor, int votesAgainst, int abstentions) =>
        WithStaffAsync(applicationId, staffId, (application, clerk) =>
        {
            var validator = new Validator();
            validator.Require(attendees > 0, "attendees", "must be at least one");
            validator.Require(attendees <= CommunityReview.MaxAttendees, "attendees", $"must be at most {CommunityReview.MaxAttendees}");
            validator.Require(votesFor >= 0, "votes_for", "must not be negative");
            validator.Require(votesAgainst >= 0, "votes_against", "must not be negative");
            validator.Require(abstentions >= 0, "abstentions", "must not be negative");
            // Summed as long: three votes near int.MaxValue must not wrap round and pass.
            validator.Require((long)votesFor + votesAgainst + abstentions <= attendees, "attendees", "cannot be fewer than the votes cast");
            validator.ThrowIfInvalid();
            var review = new CommunityReview(Dates.ParseDate(heldOn, "held_on"), attendees, votesFor, votesAgainst, abstentions, clerk.Id);
            return Task.FromResult(application.RecordCommunityReview(review, calendar, rules));
        });

    /// <summary>Lodged by the public: no staff member involved. Returns the case with the new objection last.</summary>
    public Task<DibaoApplication> LodgeObjectionAsync(string? applicationId, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw new ValidationFailed("text", "is required");
        if (trimmed.Length > 2000) throw new ValidationFailed("text", "must be at most 2000 characters");
        return ChangeAsync(applicationId, application => Task.FromResult(Unannounced(application.LodgeObjection(trimmed, calendar))));
    }

    public Task<DibaoApplication> ResolveObjectionAsync(string? applicationId, string? objectionId, string? staffId,
        string? resolution, bool upheld)
    {
        if (string.IsNullOrWhiteSpace(objectionId)) throw new ValidationFailed("objection_id", "is required");
        DibaoTransitions.RequireReasons(resolution ?? "", "resolution");
        return WithStaffAsync(applicationId, staffId, (application, clerk) =>
            Task.FromResult(application.ResolveObjection(objectionId.Trim(), clerk, resolution!.Trim(), upheld, calendar)));
    }

    public Task<DibaoApplication> ConfirmAsync(string? applicationId, string? staffId) =>
        WithStaffAsync(applicationId, staffId, async (application, approver) =>
        {
            var household = await registry.GetAsync(application.HouseholdId);
            return application.Confirm(approver, household, calendar, await standards.OfCountyAsync(household.CountyCode), rules);
        }, CompletedService.DibaoConfirmed);

    public Task<DibaoApplication> RefuseAsync(string? applicationId, string? staffId, string? reasons)
    {
        DibaoTransitions.RequireReasons(reasons ?? "");
        return WithStaffAsync(applicationId, staffId, (application, clerk) =>
            Task.FromResult(application.Refuse(clerk, reasons!.Trim(), calendar, rules)));
    }

    public Task<DibaoApplication> RecordRefusalNoticeAsync(string? applicationId, string? staffId) =>
        WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.RecordRefusalNotified(clerk, calendar)),
            CompletedService.DibaoRefusalNotified);

    public Task<DibaoApplication> WithdrawAsync(string? applicationId, string? reason) =>
        ChangeAsync(applicationId, application => Task.FromResult(Unannounced(application.Withdraw(reason?.Trim() ?? "", calendar))));

    public Task<DibaoApplication> ExtendTimeLimitAsync(string? applicationId, string? staffId, string? reason) =>
        WithStaffAsync(applicationId, staffId, (application, clerk) =>
            Task.FromResult(application.ExtendTimeLimit(clerk, reason ?? "", calendar, rules)));

    /// <param name="memberIndex">The member (by position in the household) who refused or accepted suitable work.</param>
    /// <param name="incomeFromEmployment">A recalculation whose rise of income comes from a member's employment (gradual exit).</param>
    public Task<DibaoApplication> AdjustAsync(string? applicationId, string? staffId, AdjustmentAction action, string? reasons,
        int? memberIndex = null, bool incomeFromEmployment = false)
    {
        var text = reasons?.Trim() ?? "";
        return action switch
        {
            AdjustmentAction.Recalculate => WithStaffAsync(applicationId, staffId, async (application, clerk) =>
            {
                var (test, how) = await CurrentMeansTestAsync(application, incomeFromEmployment);
                return application.Recalculate(clerk, test, text.Length > 0 ? text : "the household reported a change", calendar, how);
            }),
            AdjustmentAction.Suspend => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Suspend(clerk, text, calendar))),
            AdjustmentAction.Resume => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Resume(clerk, text, calendar))),
            AdjustmentAction.Terminate => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Terminate(clerk, text, calendar))),
            AdjustmentAction.RecordWorkRefusal => WithMemberAsync(applicationId, staffId, memberIndex, (application, clerk, member, index, standardsOfCounty) =>
                application.RecordWorkRefusal(clerk, member, index, text, calendar, standardsOfCounty, rules)),
            AdjustmentAction.RecordJobAccepted => WithMemberAsync(applicationId, staffId, memberIndex, (application, clerk, member, index, standardsOfCounty) =>
                application.RecordJobAccepted(clerk, member, index, text, calendar, standardsOfCounty, rules)),
            _ => throw new ValidationFailed("action", "must be RECALCULATE, SUSPEND, RESUME, TERMINATE, RECORD_WORK_REFUSAL or RECORD_JOB_ACCEPTED"),
        };
    }

    private Task<DibaoApplication> WithMemberAsync(string? applicationId, string? staffId, int? memberIndex,
        Func<DibaoApplication, StaffMember, HouseholdMember, int, IReadOnlyList<LocalStandard>, DibaoApplication> step)
    {
        if (memberIndex is null) throw new ValidationFailed("member_index", "is required: the member who was offered the work");
        return WithStaffAsync(applicationId, staffId, async (application, clerk) =>
        {
            var household = await registry.GetAsync(application.HouseholdId);
            if (memberIndex < 0 || memberIndex >= household.Members.Count)
                throw new ValidationFailed("member_index", $"must name a member of the household (0 to {household.Members.Count - 1})");
            return step(application, clerk, household.Members[memberIndex.Value], memberIndex.Value, await standards.OfCountyAsync(household.CountyCode));
        });
    }

    public Task<DibaoApplication> RecordReviewAsync(string? applicationId, string? staffId, string? notes, bool incomeFromEmployment = false)
    {
        if (string.IsNullOrWhiteSpace(notes)) throw new ValidationFailed("notes", "are required: what the review found");
        return WithStaffAsync(applicationId, staffId, async (application, clerk) =>
        {
            var household = await registry.GetAsync(application.HouseholdId);
            var (test, how) = await CurrentMeansTestAsync(application, incomeFromEmployment);
            return application.RecordReview(clerk, test, household, notes.Trim(), calendar, how);
        });
    }

    /// <summary>Active and suspended cases whose periodic review is due today or earlier, the longest due first.</summary>
    public async Task<IReadOnlyList<DibaoApplication>> DueReviewsAsync()
    {
        var today = calendar.Today;
        return (await applications.ListByStatusAsync([ApplicationStatus.Active, ApplicationStatus.Suspended]))
            .Where(a => a.NextReviewDue <= today)
            .OrderBy(a => a.NextReviewDue)
            .ToList();
    }

    /// <summary>The means test on the household's current figures and today's standard, and what to reschedule it with.</summary>
    private async Task<(MeansTest, Reassessment)> CurrentMeansTestAsync(DibaoApplication application, bool incomeFromEmployment)
    {
        var household = await registry.GetAsync(application.HouseholdId);
        var countyStandards = await standards.OfCountyAsync(household.CountyCode);
        var test = MeansTest.Compute(await standards.ForAsync(household.CountyCode, calendar.Today), household.MemberIncomesFen,
            household.FinancialAssetsFen, calendar.Today);
        return (test, new Reassessment(countyStandards, incomeFromEmployment, rules, household.Members.Select(m => m.IdNumber.Value).ToList()));
    }

    /// <summary>A step by a staff member; when it completes the service for the household, the events that say so
    /// (a rating invitation, a case handled by that staff member) are saved with it.</summary>
    private Task<DibaoApplication> WithStaffAsync(string? applicationId, string? staffId,
        Func<DibaoApplication, StaffMember, Task<DibaoApplication>> step, CompletedService? completes = null) =>
        ChangeAsync(applicationId, async application =>
        {
            var actor = await staff.RequireAsync(staffId);
            var next = await step(application, actor);
            return (next, completes is { } kind ? events.ServiceCompleted(kind, application.Id, actor.Id, calendar.Today) : []);
        });

    private static (DibaoApplication, IReadOnlyList<OutboxMessage>) Unannounced(DibaoApplication next) => (next, []);

    private async Task<DibaoApplication> ChangeAsync(string? applicationId,
        Func<DibaoApplication, Task<(DibaoApplication Next, IReadOnlyList<OutboxMessage> Events)>> step)
    {
        if (string.IsNullOrWhiteSpace(applicationId)) throw new ValidationFailed("application_id", "is required");
        var id = applicationId.Trim();
        var current = await applications.GetAsync(id) ?? throw new NotFound("dibao-application", id);
        var (changed, completed) = await step(current);
        var next = changed with { Version = current.Version + 1 };
        if (!await applications.UpdateAsync(next, current.Version, completed))
            throw new RuleViolated("concurrent-change", "the application was changed by someone else meanwhile; read it again and retry");
        return next;
    }
}
