using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// Registration by the law at a window, certificates and their reissue, corrections, and the archive's look-ups.
/// Every refusal names the rule that failed; nothing is written on a refusal.
/// </summary>
public sealed class MarriageRegistry(IMarriageArchive archive, IHallStore hall, IPlatformEvents events, OfficeClock clock)
{
    public const int MaxReasonLength = 500;

    public async Task<MarriageRecord> RegisterAsync(string ticketId, int window, string clerkId, string firstIdNumber, string secondIdNumber,
        Declarations declarations, CancellationToken cancellationToken)
    {
        var ticket = await hall.GetTicketAsync(ticketId, cancellationToken) ?? throw new NotFound("ticket", ticketId);
        if (ticket.Status != TicketStatus.Called || ticket.Date != clock.Today)
            throw new RuleViolated("both-present", $"ticket {ticket.Number} is not being served at a window; the couple must be called first");
        if (ticket.WindowNumber != window)
            throw new RuleViolated("other-window", $"ticket {ticket.Number} was called by window {ticket.WindowNumber}, not {window}");
        if (!ticket.IsCouple(firstIdNumber, secondIdNumber))
            throw new RuleViolated("not-this-couple", "the two ID numbers are not those of the couple who checked in");

        if (!declarations.NeitherHasASpouse)
            throw new RuleViolated("declaration-no-spouse", "both must declare that they have no spouse (本人无配偶)");
        if (!declarations.NotCloseRelatives)
            throw new RuleViolated("close-relatives", "direct blood relatives and collateral relatives within three generations may not marry");
        if (!declarations.Voluntary)
            throw new RuleViolated("not-voluntary", "a marriage must be entirely voluntary on both sides");
        var (first, second) = (ticket.FirstParty, ticket.SecondParty);
        if (first.IdNumber.Sex == second.IdNumber.Sex)
            throw new RuleViolated("man-and-woman", "marriage registration is for a man and a woman (Civil Code Art. 1049)");
        var today = clock.Today;
        foreach (var (party, field) in new[] { (first, "first_party"), (second, "second_party") })
        {
            if (!LegalMarriageAge.IsReachedOn(party.IdNumber, today))
                throw new RuleViolated("under-legal-age",
                    $"{field} is under the legal marriage age ({LegalMarriageAge.For(party.IdNumber.Sex)}) today ({Dates.Format(today)})");
        }
        foreach (var (party, field) in new[] { (first, "first_party"), (second, "second_party") })
        {
            if ((await archive.FindByIdNumberAsync(party.IdNumber.Value, cancellationToken)).Any(r => r.Status == MarriageStatus.Married))
                throw AlreadyMarried(field);
        }

        var number = Numbering.Format("", Numbering.MarriageCertificateSeries(ticket.OfficeId, today.Year),
            await archive.NextNumberAsync(Numbering.MarriageCertificateSeries(ticket.OfficeId, today.Year), cancellationToken));
        var now = clock.Now;
        var record = new MarriageRecord(
            "mar_" + Guid.CreateVersion7(now).ToString("N"), ticket.OfficeId, today, first, second, declarations, MarriageStatus.Married,
            [new Certificate(number, CertificateKind.Marriage, CertificateStatus.Valid, now, null)],
            [new ArchiveEntry(now, ArchiveActions.Registered, clerkId, ticket.OfficeId, window, $"marriage registered, certificate {number}")],
            1);
        var finished = ticket with { Status = TicketStatus.Done, CompletedAt = now, Version = ticket.Version + 1 };
        var completed = events.ServiceCompleted(record.MarriageId, $"marriage:registration:{number}", clerkId, today);
        return await archive.RegisterAsync(record, finished, ticket.Version, completed, cancellationToken) switch
        {
            RegistrationOutcome.Registered registered => registered.Record,
            RegistrationOutcome.PartyAlreadyMarried married => throw AlreadyMarried(married.PartyNumber == 1 ? "first_party" : "second_party"),
            _ => throw new RuleViolated("ticket-changed", $"ticket {ticket.Number} was changed meanwhile; look again"),
        };
    }

    /// <summary>补领: a lost certificate is reissued from the archive under a new number; the lost one is marked replaced.</summary>
    public async Task<MarriageRecord> ReissueAsync(string certificateNumber, string applicantIdNumber, string reason, string clerkId,
        string officeId, int window, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var record = await GetByCertificateAsync(certificateNumber, cancellationToken);
        if (!record.HasParty(applicantIdNumber))
            throw new RuleViolated("not-a-party", "only one of the spouses may ask for a reissue");
        if (record.Status != MarriageStatus.Married)
            throw new RuleViolated("marriage-dissolved", "the marriage was dissolved; its certificate cannot be reissued");
        var current = record.CurrentMarriageCertificate!;
        if (current.Number != certificateNumber)
            throw new RuleViolated("certificate-replaced", $"certificate {certificateNumber} was already replaced by {current.Number}");

        var today = clock.Today;
        var series = Numbering.MarriageCertificateSeries(officeId, today.Year);
        var number = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var now = clock.Now;
        var certificates = record.Certificates
            .Select(c => c.Number == current.Number ? c with { Status = CertificateStatus.Replaced } : c)
            .Append(new Certificate(number, CertificateKind.Marriage, CertificateStatus.Valid, now, current.Number))
            .ToList();
        var changed = (record with { Certificates = certificates, Version = record.Version + 1 })
            .Appending(new ArchiveEntry(now, ArchiveActions.Reissued, clerkId, officeId, window, $"{reason.Trim()} (replaces {current.Number} with {number})"));
        return await SaveAsync(changed, record.Version, events.ServiceCompleted(record.MarriageId, $"marriage:reissue:{number}", clerkId, today),
            cancellationToken);
    }

    /// <summary>Corrects a recorded name; the history keeps what it was, who changed it, when and why.</summary>
    public async Task<MarriageRecord> CorrectNameAsync(string marriageId, int partyNumber, string newName, string reason, string clerkId,
        CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var record = await archive.GetAsync(marriageId, cancellationToken) ?? throw new NotFound("marriage-record", marriageId);
        var party = partyNumber == 1 ? record.FirstParty : record.SecondParty;
        var corrected = party with { Name = newName };
        var now = clock.Now;
        var changed = (partyNumber == 1 ? record with { FirstParty = corrected } : record with { SecondParty = corrected }) with { Version = record.Version + 1 };
        changed = changed.Appending(new ArchiveEntry(now, ArchiveActions.Corrected, clerkId, record.OfficeId, 0,
            $"{reason.Trim()} (name of party {partyNumber}: {Masking.MaskName(party.Name)} -> {Masking.MaskName(newName)})"));
        return await SaveAsync(changed, record.Version, [], cancellationToken);
    }

    public async Task<MarriageRecord> GetByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
        await archive.GetByCertificateAsync(certificateNumber, cancellationToken) ?? throw new NotFound("certificate", certificateNumber);

    public Task<IReadOnlyList<MarriageRecord>> FindByIdNumberAsync(ResidentIdNumber idNumber, CancellationToken cancellationToken) =>
        archive.FindByIdNumberAsync(idNumber.Value, cancellationToken);

    private async Task<MarriageRecord> SaveAsync(MarriageRecord changed, int expectedVersion, IReadOnlyList<OutboxMessage> completed,
        CancellationToken cancellationToken)
    {
        if (!await archive.UpdateAsync(changed, expectedVersion, completed, cancellationToken))
            throw new RuleViolated("record-changed", "the record was changed meanwhile; look it up again");
        return changed;
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailed("reason", "is required");
        if (reason.Length > MaxReasonLength) throw new ValidationFailed("reason", $"must be at most {MaxReasonLength} characters");
    }

    private static RuleViolated AlreadyMarried(string field) =>
        new("already-married", $"{field} is recorded as married; a person with an active marriage cannot register another");
}
