namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Registers staff members, changes their records with history, and finds them.</summary>
public sealed class StaffRegistry(IStaffDirectory directory, BureauClock clock)
{
    public async Task<StaffMember> RegisterAsync(StaffProfile profile, CancellationToken cancellationToken = default)
    {
        var member = StaffMember.Register(profile, clock.Now);
        Accept(await directory.AddAsync(member, cancellationToken), profile);
        return member;
    }

    /// <summary>
    /// Changes a record to <paramref name="profile"/>. With <paramref name="expectedVersion"/> (not 0) the change is
    /// refused when the record moved on since the caller read it.
    /// </summary>
    public async Task<StaffMember> UpdateAsync(string? staffId, StaffProfile profile, string? reason, string? changedBy,
        int expectedVersion, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var why = Text.Clean(reason);
        var who = Text.Clean(changedBy);
        v.Require(why.Length > 0, "reason", "is required: the history says why the record changed");
        v.Require(why.Length <= Text.MaxLine, "reason", $"must be at most {Text.MaxLine} characters");
        v.Require(who.Length <= StaffProfile.MaxNameLength, "changed_by", $"must be at most {StaffProfile.MaxNameLength} characters");
        v.Require(expectedVersion >= 0, "expected_version", "must not be negative");
        var id = Text.RequireId(staffId, "staff_id", v);
        v.ThrowIfInvalid();

        var current = await GetAsync(id, cancellationToken);
        if (expectedVersion != 0 && expectedVersion != current.Version) throw StaleVersion(current.Version);
        var updated = current.Change(profile);
        var change = new StaffChange(id, updated.Version, profile, clock.Now, why, who);
        var written = await directory.UpdateAsync(updated, change, cancellationToken);
        if (written == StaffWrite.VersionConflict) throw StaleVersion(null);
        Accept(written, profile);
        return updated;
    }

    public async Task<StaffMember> GetAsync(string? staffId, CancellationToken cancellationToken = default)
    {
        var id = Text.RequireId(staffId, "staff_id");
        return await directory.GetAsync(id, cancellationToken) ?? throw new NotFound("staff member", id);
    }

    public async Task<IReadOnlyList<StaffChange>> HistoryAsync(string? staffId, CancellationToken cancellationToken = default)
    {
        var member = await GetAsync(staffId, cancellationToken);
        return await directory.ListHistoryAsync(member.Id, cancellationToken);
    }

    /// <summary>The member must serve <paramref name="window"/>: nobody is counted or ranked in a window they do not serve.</summary>
    public static void RequireServes(StaffMember member, Window window)
    {
        if (member.Profile.Window != window)
            throw new RuleViolated("staff-not-in-window",
                $"staff member {member.Profile.BadgeNumber} serves {member.Profile.Window.Code()}, not {window.Code()}");
    }

    private static void Accept(StaffWrite written, StaffProfile profile)
    {
        if (written == StaffWrite.BadgeNumberTaken)
            throw new AlreadyExists("staff member", $"badge number {profile.BadgeNumber} is already held by another staff member");
    }

    private static RuleViolated StaleVersion(int? current) => new("stale-version",
        current is { } version
            ? $"the record is now at version {version}; read it again and repeat the change"
            : "the record was changed by someone else meanwhile; read it again and repeat the change");
}
