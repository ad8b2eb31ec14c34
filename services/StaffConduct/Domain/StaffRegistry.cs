namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Registers staff members and finds them (for the public and for the other services).</summary>
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
                return await directory.AddAsync(member, tag, cancellationToken) switch
                {
                    StaffInsert.Added => (true, member),
                    StaffInsert.IdempotencyKeyTaken => (false, member),
                    _ => throw new AlreadyExists("staff member",
                        $"badge number {profile.BadgeNumber} is already held by another staff member"),
                };
            });
    }

    public async Task<StaffMember> GetAsync(string? staffId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(staffId, "staff_id");
        return await directory.GetAsync(id, cancellationToken) ?? throw new NotFound("staff member", id);
    }

    internal static string RequireId(string? id, string field)
    {
        var trimmed = (id ?? "").Trim();
        if (trimmed.Length == 0) throw new ValidationFailed(field, "is required");
        if (trimmed.Length > 64) throw new ValidationFailed(field, "must be at most 64 characters");
        return trimmed;
    }
}
