using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// Registration by the law at a window, certificates and their reissue, corrections, and the archive's look-ups.
/// Every refusal names the rule that failed; nothing is written on a refusal.
/// </summary>
public sealed class MarriageRegistry(IMarriageArchive archive, IHallStore hall, IPlatformEvents events, OneStandingMarriage oneMarriage, OfficeClock clock)
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
            await oneMarriage.RequireFreeAsync(party.IdNumber.Value, field, cancellationToken);

        var number = Numbering.Format("", Numbering.MarriageCertificateSeries(ticket.OfficeId, today.Year),
            await archive.NextNumberAsync(Numbering.MarriageCertificateSeries(ticket.OfficeId, today.Year), cancellationToken));
        var now = clock.Now;
        var record = new MarriageRecord(
            "mar_" + Guid.CreateVersion7(now).ToString("N"), ticket.OfficeId, today, first, second, declarations, MarriageStatus.Married,
            [new Certificate(number, CertificateKind.Marriage, CertificateStatus.Valid, now, null)],
            [new ArchiveEntry(now, ArchiveActions.Registered, clerkId, ticket.OfficeId, window,
                $"marriage registered, certificate {number}; marital status checked against {oneMarriage.Consulted}; {Disclosures(declarations)}")],
            1, MaritalStatusChecked: oneMarriage.Consulted);
        var finished = ticket with { Status = TicketStatus.Done, CompletedAt = now, Version = ticket.Version + 1 };
        var completed = events.ServiceCompleted(record.MarriageId, $"marriage:registration:{number}", clerkId, today);
        return await archive.RegisterAsync(record, finished, ticket.Version, completed, cancellationToken) switch
        {
            RegistrationOutcome.Registered registered => registered.Record,
            RegistrationOutcome.PartyAlreadyMarried married =>
                throw OneStandingMarriage.Refusal(married.PartyNumber == 1 ? "first_party" : "second_party", oneMarriage.Consulted),
            _ => throw new RuleViolated("ticket-changed", $"ticket {ticket.Number} was changed meanwhile; look again"),
        };
    }

    /// <summary>补领: a lost marriage or divorce certificate is reissued from the archive under a new number; the lost one is
    /// marked replaced. A marriage certificate only while the marriage stands; a divorce certificate after the divorce.</summary>
    public async Task<MarriageRecord> ReissueAsync(string certificateNumber, string applicantIdNumber, string reason, string clerkId,
        string officeId, int window, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var record = await GetByCertificateAsync(certificateNumber, cancellationToken);
        if (!record.HasParty(applicantIdNumber))
            throw new RuleViolated("not-a-party", "only one of the spouses may ask for a reissue");
        var lost = record.Certificates.First(c => c.Number == certificateNumber);
        if (!lost.IssuedHere)
            throw new RuleViolated("issued-elsewhere", $"certificate {certificateNumber} was issued by {lost.IssuedBy}; it is reissued from that office's archive");
        if (lost.Kind == CertificateKind.Marriage && !record.Stands)
            throw new RuleViolated("marriage-dissolved", $"the marriage has ended ({record.StatusInWords}); its marriage certificate cannot be reissued");
        if (lost.Status != CertificateStatus.Valid)
        {
            var successor = record.Certificates.LastOrDefault(c => c.Kind == lost.Kind && c.Status == CertificateStatus.Valid);
            throw new RuleViolated("certificate-replaced", successor is null
                ? $"certificate {certificateNumber} is no longer valid"
                : $"certificate {certificateNumber} was already replaced by {successor.Number}");
        }

        var today = clock.Today;
        var series = lost.Kind == CertificateKind.Divorce
            ? Numbering.DivorceCertificateSeries(officeId, today.Year)
            : Numbering.MarriageCertificateSeries(officeId, today.Year);
        var number = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var now = clock.Now;
        var certificates = record.Certificates
            .Select(c => c.Number == lost.Number ? c with { Status = CertificateStatus.Replaced } : c)
            .Append(new Certificate(number, lost.Kind, CertificateStatus.Valid, now, lost.Number))
            .ToList();
        var what = lost.Kind == CertificateKind.Divorce ? "divorce certificate" : "marriage certificate";
        var changed = (record with { Certificates = certificates, Version = record.Version + 1 })
            .Appending(new ArchiveEntry(now, ArchiveActions.Reissued, clerkId, officeId, window, $"{reason.Trim()} ({what}: replaces {lost.Number} with {number})"));
        return await SaveAsync(changed, record.Version, events.ServiceCompleted(record.MarriageId, $"marriage:reissue:{number}", clerkId, today),
            cancellationToken);
    }

    /// <summary>The death of a spouse ends the standing marriage of <paramref name="deceasedIdNumber"/>, on the date of death.</summary>
    public async Task<MarriageRecord> RecordDeathAsync(string deceasedIdNumber, DateOnly dateOfDeath, DeathEvidence evidence, string evidenceNumber,
        string recordedBy, string officeId, CancellationToken cancellationToken)
    {
        var records = await archive.FindByIdNumberAsync(deceasedIdNumber, cancellationToken);
        var record = records.FirstOrDefault(r => r.Stands);
        if (record is null)
        {
            if (records.Count == 0) throw new NotFound("marriage-record", Masking.MaskIdNumber(deceasedIdNumber));
            MarriageEndsOnce.Require(records[^1]);
        }
        EndWithinTheMarriage.Require(dateOfDeath, record!, clock.Today, "date_of_death");
        var deceased = record!.FirstParty.IdNumber.Value == deceasedIdNumber ? 1 : 2;
        var who = deceased == 1 ? record.FirstParty : record.SecondParty;
        var ending = new MarriageEnding(EndingKind.DeathOfSpouse, dateOfDeath, clock.Now, recordedBy, DeathEvidence: evidence, EvidenceNumber: evidenceNumber,
            DeceasedParty: deceased);
        var certificate = evidence == DeathEvidence.CremationCertificate ? "cremation certificate" : "death certificate";
        return await EndAsync(record, ending, ArchiveActions.DeathRecorded, officeId,
            $"death of {Masking.MaskName(who.Name)} on {Dates.Format(dateOfDeath)} ({certificate} {evidenceNumber})", cancellationToken);
    }

    /// <summary>A court's divorce judgment or mediation ends the marriage from the day it took effect.</summary>
    public async Task<MarriageRecord> RecordCourtDivorceAsync(string certificateNumber, EndingKind kind, string court, string caseNumber,
        DateOnly effectiveOn, string recordedBy, string officeId, CancellationToken cancellationToken)
    {
        if (kind is not (EndingKind.CourtJudgment or EndingKind.CourtMediation)) throw new ValidationFailed("kind", "must be JUDGMENT or MEDIATION");
        var record = await GetByCertificateAsync(certificateNumber, cancellationToken);
        MarriageEndsOnce.Require(record);
        EndWithinTheMarriage.Require(effectiveOn, record, clock.Today, "effective_on");
        var ending = new MarriageEnding(kind, effectiveOn, clock.Now, recordedBy, court, caseNumber);
        var what = kind == EndingKind.CourtJudgment ? "divorce judgment" : "divorce mediation";
        return await EndAsync(record, ending, ArchiveActions.CourtDivorceRecorded, officeId,
            $"{what} of {court}, case {caseNumber}, effective {Dates.Format(effectiveOn)}", cancellationToken);
    }

    /// <summary>A court declared the marriage invalid or annulled it, on <paramref name="ground"/>.</summary>
    public async Task<MarriageRecord> RecordNullityAsync(string certificateNumber, NullityGround ground, string court, string caseNumber,
        DateOnly effectiveOn, string recordedBy, string officeId, CancellationToken cancellationToken)
    {
        var record = await GetByCertificateAsync(certificateNumber, cancellationToken);
        MarriageEndsOnce.Require(record);
        EndWithinTheMarriage.Require(effectiveOn, record, clock.Today, "effective_on");
        var kind = MarriageEnding.KindOf(ground);
        var ending = new MarriageEnding(kind, effectiveOn, clock.Now, recordedBy, court, caseNumber, ground);
        var what = kind == EndingKind.AnnulledByCourt ? "annulled" : "declared invalid";
        return await EndAsync(record, ending, ArchiveActions.NullityRecorded, officeId,
            $"{what} by {court}, case {caseNumber}, effective {Dates.Format(effectiveOn)} ({Words(ground)})", cancellationToken);
    }

    /// <summary>The record ends: its status and ending, its marriage certificates marked, one entry appended. It no
    /// longer holds either person, so both may register again.</summary>
    private async Task<MarriageRecord> EndAsync(MarriageRecord record, MarriageEnding ending, string action, string officeId, string reason,
        CancellationToken cancellationToken)
    {
        var changed = (record with
        {
            Status = ending.Status,
            Ending = ending,
            Certificates = record.Certificates
                .Select(c => c.Kind == CertificateKind.Marriage && c.Status == CertificateStatus.Valid ? c with { Status = CertificateStatus.MarriageEnded } : c)
                .ToList(),
            Version = record.Version + 1,
        }).Appending(new ArchiveEntry(clock.Now, action, ending.RecordedBy, officeId, 0, reason));
        return await SaveAsync(changed, record.Version, [], cancellationToken);
    }

    private static string Words(NullityGround ground) => ground switch
    {
        NullityGround.Bigamy => "bigamy",
        NullityGround.CloseRelatives => "close relatives",
        NullityGround.UnderAge => "under the legal age",
        NullityGround.Coercion => "coercion",
        _ => "a serious illness not disclosed before registration",
    };

    private static string Disclosures(Declarations declarations) =>
        $"serious illness: first party {Words(declarations.FirstPartyIllness)}, second party {Words(declarations.SecondPartyIllness)}";

    private static string Words(IllnessDisclosure? disclosure) => disclosure switch
    {
        IllnessDisclosure.NoSeriousIllness => "declared none",
        IllnessDisclosure.DisclosedToTheOtherParty => "disclosed to the other party",
        _ => "not declared",
    };

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
}
