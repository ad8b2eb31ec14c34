using CivilAffairs.SharedKernel;

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
            var test = MeansTest.Compute(standards.For(household.CountyCode, calendar.Today), input.VerifiedMonthlyIncomesFen,
                input.VerifiedFinancialAssetsFen, calendar.Today);
            return application.RecordInvestigation(caseworker.Id, visit, test, calendar);
        });

    public Task<DibaoApplication> RecordCommunityReviewAsync(string? applicationId, string? staffId, string? heldOn,
        int attendees, int votesFor, int votesAgainst, int abstentions) =>
        WithStaffAsync(applicationId, staffId, (application, clerk) =>
        {
            var validator = new Validator();
            validator.Require(attendees > 0, "attendees", "must be at least one");
            validator.Require(votesFor >= 0 && votesAgainst >= 0 && abstentions >= 0, "votes_for", "votes must not be negative");
            validator.Require(votesFor + votesAgainst + abstentions <= attendees, "attendees", "cannot be fewer than the votes cast");
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
            application.Confirm(approver, await registry.GetAsync(application.HouseholdId), calendar), CompletedService.DibaoConfirmed);

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

    public Task<DibaoApplication> AdjustAsync(string? applicationId, string? staffId, AdjustmentAction action, string? reasons)
    {
        var text = reasons?.Trim() ?? "";
        return action switch
        {
            AdjustmentAction.Recalculate => WithStaffAsync(applicationId, staffId, async (application, clerk) =>
                application.Recalculate(clerk, await CurrentMeansTestAsync(application), text.Length > 0 ? text : "the household reported a change", calendar)),
            AdjustmentAction.Suspend => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Suspend(clerk, text, calendar))),
            AdjustmentAction.Resume => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Resume(clerk, text, calendar))),
            AdjustmentAction.Terminate => WithStaffAsync(applicationId, staffId, (application, clerk) => Task.FromResult(application.Terminate(clerk, text, calendar))),
            AdjustmentAction.RecordWorkRefusal => WithStaffAsync(applicationId, staffId, (application, clerk) =>
                Task.FromResult(application.RecordWorkRefusal(clerk, text, calendar))),
            _ => throw new ValidationFailed("action", "must be RECALCULATE, SUSPEND, RESUME, TERMINATE or RECORD_WORK_REFUSAL"),
        };
    }

    public Task<DibaoApplication> RecordReviewAsync(string? applicationId, string? staffId, string? notes)
    {
        if (string.IsNullOrWhiteSpace(notes)) throw new ValidationFailed("notes", "are required: what the review found");
        return WithStaffAsync(applicationId, staffId, async (application, clerk) =>
        {
            var household = await registry.GetAsync(application.HouseholdId);
            return application.RecordReview(clerk, await CurrentMeansTestAsync(application), household, notes.Trim(), calendar);
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

    /// <summary>The means test on the household's current figures and today's standard.</summary>
    private async Task<MeansTest> CurrentMeansTestAsync(DibaoApplication application)
    {
        var household = await registry.GetAsync(application.HouseholdId);
        return MeansTest.Compute(standards.For(household.CountyCode, calendar.Today), household.MemberIncomesFen,
            household.FinancialAssetsFen, calendar.Today);
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
