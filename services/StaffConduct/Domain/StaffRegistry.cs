namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Registers staff members, changes their records with history, and finds them.</summary>
public sealed class StaffRegistry(IStaffDirectory directory, BureauClock clock)
{
    public Task<StaffMember> RegisterAsync(StaffProfile profile, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var tag = IdempotencyTag.For(idempotencyKey, profile.Content());
        return Idempotency.WriteOnceAsync(tag,
            key => directory.FindByIdempotencyKeyAsync(key, cancellationToken),
            async () =>
            {
                var member = StaffMember.Register(profile, clock.Now);
                return (Accept(await directory.AddAsync(member, tag, cancellationToken), profile), member);
            });
    }

    /// <summary>
    /// Changes a record to <paramref name="profile"/>. With <paramref name="expectedVersion"/> (not 0) the change is
    /// refused when the record moved on since the caller read it.
    /// </summary>
    public async Task<StaffMember> UpdateAsync(string? staffId, StaffProfile profile, string? reason, string? changedBy,
        int expectedVersion, string? idempotencyKey, CancellationToken cancellationToken = default)
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

        var tag = IdempotencyTag.For(idempotencyKey, id, profile.Content(), why, who, expectedVersion);
        return await Idempotency.WriteOnceAsync(tag,
            key => directory.FindChangeByIdempotencyKeyAsync(key, cancellationToken),
            async () =>
            {
                var current = await GetAsync(id, cancellationToken);
                if (expectedVersion != 0 && expectedVersion != current.Version) throw StaleVersion(current.Version);
                var updated = current.Change(profile);
                var change = new StaffChange(id, updated.Version, profile, clock.Now, why, who);
                var written = await directory.UpdateAsync(updated, change, tag, cancellationToken);
                if (written == StaffWrite.VersionConflict) throw StaleVersion(null);
                return (Accept(written, profile), updated);
            });
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

    /// <summary>True when stored; false when a concurrent request took the idempotency key first.</summary>
    private static bool Accept(StaffWrite written, StaffProfile profile) => written switch
    {
        StaffWrite.Written => true,
        StaffWrite.IdempotencyKeyTaken => false,
        _ => throw new AlreadyExists("staff member", $"badge number {profile.BadgeNumber} is already held by another staff member"),
    };

    private static RuleViolated StaleVersion(int? current) => new("stale-version",
        current is { } version
            ? $"the record is now at version {version}; read it again and repeat the change"
            : "the record was changed by someone else meanwhile; read it again and repeat the change");
}
