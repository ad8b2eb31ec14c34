namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Grants and withdraws the party-member designations, with dates and reasons.</summary>
public sealed class DesignationDesk(StaffRegistry registry, IDesignationRegister register, BureauClock clock)
{
    public sealed record Grant(DesignationKind Kind, Window Window, string? OfficeId, string? StaffId, string? GrantedOn, string? Reason, string? GrantedBy);

    public async Task<Designation> GrantAsync(Grant grant, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        v.Require(Enum.IsDefined(grant.Kind), "kind", "must be PARTY_MEMBER_MODEL_WINDOW or PARTY_MEMBER_PIONEER_POST");
        var office = Text.Clean(grant.OfficeId);
        var staffId = Text.Clean(grant.StaffId);
        if (grant.Kind == DesignationKind.ModelWindow)
        {
            v.Require(grant.Window.IsDefined(), "window", "must be one of the ten window types");
            v.Require(office.Length > 0, "office_id", "is required: a model window is a window at an office");
            v.Require(staffId.Length == 0, "staff_id", "must be empty: a model window is held by the window, not a person");
        }
        else if (grant.Kind == DesignationKind.PioneerPost)
        {
            Text.RequireId(staffId, "staff_id", v);
        }
        var on = Text.Date(grant.GrantedOn, "granted_on", v);
        if (on != default) v.Require(on <= clock.Today, "granted_on", "must not be in the future");
        var reason = Text.Require(grant.Reason, "reason", Text.MaxLine, v);
        var by = Text.Require(grant.GrantedBy, "granted_by", StaffProfile.MaxNameLength, v);
        v.ThrowIfInvalid();

        var window = grant.Window;
        if (grant.Kind == DesignationKind.PioneerPost)
        {
            var member = await registry.GetAsync(staffId, cancellationToken);
            if (grant.Window != Window.Unspecified) StaffRegistry.RequireServes(member, grant.Window);
            if (!member.Profile.PartyMember)
                throw new RuleViolated("pioneer-post-needs-party-member",
                    $"staff member {member.Profile.BadgeNumber} is not a party member; a pioneer post is held by a party member");
            window = member.Profile.Window;
            office = member.Profile.OfficeId;
        }

        var designation = new Designation(Ids.New(), grant.Kind, window, office, staffId, on, reason, by, clock.Now, null);
        if (await register.AddAsync(designation, cancellationToken) == DesignationWrite.Written) return designation;
        throw new AlreadyExists("designation", grant.Kind == DesignationKind.ModelWindow
            ? $"{window.Code()} at office {office} already holds this designation; withdraw it first"
            : "this staff member already holds a pioneer post; withdraw it first");
    }

    public async Task<Designation> WithdrawAsync(string? designationId, string? withdrawnOn, string? reason, string? withdrawnBy,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.RequireId(designationId, "designation_id", v);
        var on = Text.Date(withdrawnOn, "withdrawn_on", v);
        if (on != default) v.Require(on <= clock.Today, "withdrawn_on", "must not be in the future");
        var why = Text.Require(reason, "reason", Text.MaxLine, v);
        var by = Text.Require(withdrawnBy, "withdrawn_by", StaffProfile.MaxNameLength, v);
        v.ThrowIfInvalid();

        var designation = await register.GetAsync(id, cancellationToken) ?? throw new NotFound("designation", id);
        if (on < designation.GrantedOn)
            throw new ValidationFailed("withdrawn_on", $"must not be before the grant ({Dates.Format(designation.GrantedOn)})");
        var withdrawal = new DesignationWithdrawal(on, why, by, clock.Now);
        if (await register.WithdrawAsync(id, withdrawal, cancellationToken) == DesignationWrite.Written) return designation with { Withdrawal = withdrawal };
        throw new RuleViolated("designation-already-withdrawn", "this designation was already withdrawn");
    }

    public Task<IReadOnlyList<Designation>> ListAsync(Window window, bool includeWithdrawn, CancellationToken cancellationToken = default) =>
        window.IsDefined()
            ? register.ListByWindowAsync(window, includeWithdrawn, cancellationToken)
            : throw new ValidationFailed("window", "must be one of the ten window types");
}
