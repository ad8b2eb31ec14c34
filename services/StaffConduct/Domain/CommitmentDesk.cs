namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Publishes staff members' commitments (亮承诺).</summary>
public sealed class CommitmentDesk(StaffRegistry registry, ICommitmentBook book, BureauClock clock)
{
    public async Task<Commitment> PublishAsync(string? staffId, string? text, string? deadline, string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var cleanText = (text ?? "").Trim();
        v.Require(cleanText.Length > 0, "text", "is required");
        v.Require(cleanText.Length <= Commitment.MaxTextLength, "text", $"must be at most {Commitment.MaxTextLength} characters");
        DateOnly due = default;
        try
        {
            due = Dates.ParseDate(deadline, "deadline");
            v.Require(due >= clock.Today, "deadline", $"must be today ({Dates.Format(clock.Today)}) or later");
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) v.Add(violation.Field, violation.Description);
        }
        var id = StaffRegistry.RequireId(staffId, "staff_id");
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(id, cancellationToken);
        var tag = IdempotencyTag.For(idempotencyKey, member.Id, cleanText, Dates.Format(due));
        return await Idempotency.WriteOnceAsync(tag,
            key => book.FindByIdempotencyKeyAsync(key, cancellationToken),
            async () =>
            {
                var commitment = new Commitment(Ids.New(), member.Id, member.Profile.Window, cleanText, due, clock.Now, null);
                return (await book.AddAsync(commitment, tag, cancellationToken), commitment);
            });
    }
}
