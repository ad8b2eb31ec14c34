namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Records inspections against the conduct code and gives a staff member's conduct record.</summary>
public sealed class InspectionDesk(StaffRegistry registry, IConductCode code, IInspectionLog log, IRatingLedger ratings, BureauClock clock)
{
    public sealed record Observation(string? StaffId, string? RuleId, InspectionKind Kind, string? Inspector, string? Evidence, string? ObservedOn);

    public async Task<Inspection> RecordAsync(Observation observation, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var staffId = Text.RequireId(observation.StaffId, "staff_id", v);
        var ruleId = Text.RequireId(observation.RuleId, "rule_id", v);
        v.Require(Enum.IsDefined(observation.Kind), "kind", "must be COMMENDATION or VIOLATION");
        var inspector = Text.Require(observation.Inspector, "inspector", StaffProfile.MaxNameLength, v);
        var evidence = Text.Require(observation.Evidence, "evidence", Text.MaxEvidence, v);
        var on = Text.Date(observation.ObservedOn, "observed_on", v);
        if (on != default) v.Require(on <= clock.Today, "observed_on", "must not be in the future");
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(staffId, cancellationToken);
        var rule = await code.GetAsync(ruleId, cancellationToken);
        if (rule is null) throw new ValidationFailed("rule_id", $"names no rule of the conduct code ({ruleId})");
        if (!rule.Active) throw new ValidationFailed("rule_id", $"rule {ruleId} is no longer in force and cannot be cited");

        var inspection = new Inspection(Ids.New(), staffId, member.Profile.Window, rule.Id, rule.Part, rule.Text,
            observation.Kind, inspector, evidence, on, clock.Now);
        await log.AddAsync(inspection, cancellationToken);
        return inspection;
    }

    public async Task<ConductRecord> RecordOfAsync(string? staffId, string? fromDate, string? toDate, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var from = string.IsNullOrWhiteSpace(fromDate) ? (DateOnly?)null : Text.Date(fromDate, "from_date", v);
        var to = string.IsNullOrWhiteSpace(toDate) ? (DateOnly?)null : Text.Date(toDate, "to_date", v);
        if (from is { } f && to is { } t && f != default && t != default) v.Require(f <= t, "to_date", "must not be before from_date");
        v.ThrowIfInvalid();
        var member = await registry.GetAsync(staffId, cancellationToken);
        return new ConductRecord(member, await log.ListAsync([member.Id], from, to, cancellationToken),
            await ratings.ComplaintsAsync(member.Id, from, to, cancellationToken));
    }
}

/// <summary>A staff member's inspections with the tally per part of the code, and the complaints (bad ratings).</summary>
public sealed record ConductRecord(StaffMember Staff, IReadOnlyList<Inspection> Inspections, IReadOnlyList<Complaint> Complaints)
{
    /// <summary>The complaints that still count: a rating voided on appeal stays listed but is not counted.</summary>
    public int CountedComplaints => Complaints.Count(c => !c.Voided);

    public int Commendations => Inspections.Count(i => i.Kind == InspectionKind.Commendation);
    public int Violations => Inspections.Count(i => i.Kind == InspectionKind.Violation);

    public IEnumerable<(ConductPart Part, int Commendations, int Violations)> Parts =>
        Enum.GetValues<ConductPart>().Select(p => (p,
            Inspections.Count(i => i.Part == p && i.Kind == InspectionKind.Commendation),
            Inspections.Count(i => i.Part == p && i.Kind == InspectionKind.Violation)));
}
