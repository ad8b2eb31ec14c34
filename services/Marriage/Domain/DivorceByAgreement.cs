using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>The certificate of a marriage registered at another office, as the clerk enters it (全国通办).</summary>
public sealed record ElsewhereCertificate(DateOnly RegisteredOn, string IssuingOffice, string FirstPartyName, string SecondPartyName);

/// <summary>
/// Divorce by agreement with the cooling-off period: accepted on day 0 with a receipt; withdrawn by either party alone,
/// at the office that accepted, until the cooling-off ends (day 30, or the next working day); registered when both come
/// back to the same office in the 30 days after (the last likewise moved); deemed withdrawn after that.
/// </summary>
public sealed class DivorceByAgreement(IMarriageArchive archive, IPlatformEvents events, CoolingOffPeriod period, OneStandingMarriage oneMarriage,
    OfficeClock clock)
{
    public const int MaxAgreementPartLength = 4000;

    public async Task<DivorceApplication> AcceptAsync(string officeId, string certificateNumber, string firstIdNumber, string secondIdNumber,
        DivorceAgreement agreement, string clerkId, CancellationToken cancellationToken, ElsewhereCertificate? elsewhere = null)
    {
        var validator = new Validator();
        foreach (var (text, field) in new[] { (agreement.Children, "agreement.children"), (agreement.Property, "agreement.property"), (agreement.Debts, "agreement.debts") })
        {
            validator.Require(!string.IsNullOrWhiteSpace(text), field, "is required: the written agreement must settle children, property and debts (write 无 where there are none)");
            validator.Require(text.Length <= MaxAgreementPartLength, field, $"must be at most {MaxAgreementPartLength} characters");
        }
        validator.ThrowIfInvalid();
        var today = clock.Today;
        var now = clock.Now;
        var record = await archive.GetByCertificateAsync(certificateNumber, cancellationToken);
        if (record is null)
        {
            if (elsewhere is null)
                throw new RuleViolated("marriage-not-registered",
                    $"no marriage with certificate {certificateNumber} is registered in the records; for a marriage registered at another office, " +
                    "enter its certificate (registered_elsewhere: date and issuing office)");
            record = await EnteredFromElsewhereAsync(certificateNumber, firstIdNumber, secondIdNumber, elsewhere, officeId, clerkId, cancellationToken);
        }
        if (!record.Stands) throw new RuleViolated("marriage-dissolved", $"this marriage has already ended ({record.StatusInWords})");
        if (!record.IsCouple(firstIdNumber, secondIdNumber))
            throw new RuleViolated("not-this-couple", "both spouses must apply in person: the ID numbers do not match the record");

        var series = Numbering.ReceiptSeries(officeId, today.Year);
        var receipt = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var entry = new ArchiveEntry(now, ArchiveActions.DivorceAccepted, clerkId, officeId, 0, $"divorce by agreement accepted, receipt {receipt}");
        var application = new DivorceApplication("div_" + Guid.CreateVersion7(now).ToString("N"), record.MarriageId, officeId, today, receipt,
            agreement, DivorceState.Open, null, null, [entry], 1);
        var isNew = record.Version == 0;
        if (!await archive.SaveDivorceStepAsync(application, null, (record with { Version = record.Version + 1 }).Appending(entry), record.Version, [], cancellationToken))
            throw isNew
                ? new RuleViolated("record-changed", "a record for one of these persons was written meanwhile; look them up again")
                : new AlreadyExists("divorce-application", "this marriage already has an open divorce application");
        return application;
    }

    /// <summary>A marriage of another office, entered from the certificate the couple shows, marked as such: not yet
    /// saved (version 0). Only for persons this archive holds in no standing marriage.</summary>
    private async Task<MarriageRecord> EnteredFromElsewhereAsync(string certificateNumber, string firstIdNumber, string secondIdNumber,
        ElsewhereCertificate elsewhere, string officeId, string clerkId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var validator = new Validator()
            .Require(elsewhere.RegisteredOn <= today, "registered_elsewhere.registered_on", $"is after today ({Dates.Format(today)})")
            .Require(firstIdNumber != secondIdNumber, "second_id_number", "must be a different person from first_id_number");
        validator.ThrowIfInvalid();
        var first = new Party(elsewhere.FirstPartyName, ResidentIdNumber.Parse(firstIdNumber, "first_id_number", today), "");
        var second = new Party(elsewhere.SecondPartyName, ResidentIdNumber.Parse(secondIdNumber, "second_id_number", today), "");
        foreach (var (party, field) in new[] { (first, "first_id_number"), (second, "second_id_number") })
            await oneMarriage.RequireFreeAsync(party.IdNumber.Value, field, cancellationToken);
        var now = clock.Now;
        return new MarriageRecord(
            "mar_" + Guid.CreateVersion7(now).ToString("N"), officeId, elsewhere.RegisteredOn, first, second, new Declarations(true, true, true),
            MarriageStatus.Married,
            [new Certificate(certificateNumber, CertificateKind.Marriage, CertificateStatus.Valid, clock.At(elsewhere.RegisteredOn, TimeOnly.MinValue), null,
                elsewhere.IssuingOffice)],
            [new ArchiveEntry(now, ArchiveActions.EnteredFromElsewhere, clerkId, officeId, 0,
                $"marriage registered by {elsewhere.IssuingOffice} on {Dates.Format(elsewhere.RegisteredOn)}, certificate {certificateNumber}, entered for a divorce by agreement")],
            0, Elsewhere: new RegisteredElsewhere(certificateNumber, elsewhere.RegisteredOn, elsewhere.IssuingOffice));
    }

    public DivorceTimeline TimelineOf(DivorceApplication application) => period.For(application.AcceptedOn);

    /// <summary>The cooling-off period: either party alone, at the office that accepted the application.</summary>
    public async Task<DivorceApplication> WithdrawAsync(string applicationId, string officeId, string idNumber, string? reason, CancellationToken cancellationToken)
    {
        var (application, record) = await OpenAsync(applicationId, cancellationToken);
        if (!record.HasParty(idNumber)) throw new RuleViolated("not-a-party", "only one of the spouses may withdraw the application");
        if (application.OfficeId != officeId)
            throw new RuleViolated("same-office", $"a withdrawal is made at the office that accepted the application ({application.OfficeId})");
        var today = clock.Today;
        var timeline = TimelineOf(application);
        if (timeline.PhaseOn(today) != DivorcePhase.CoolingOff)
            throw new RuleViolated("cooling-off-over",
                $"withdrawal by one party alone was possible until {Dates.Format(timeline.WithdrawalDeadline)} (day 30); " +
                $"if the spouses do not both return by {Dates.Format(timeline.RegistrationDeadline)}, it is deemed withdrawn");
        var who = record.FirstParty.IdNumber.Value == idNumber ? record.FirstParty : record.SecondParty;
        var entry = new ArchiveEntry(clock.Now, ArchiveActions.DivorceWithdrawn, Masking.MaskName(who.Name), application.OfficeId, 0,
            string.IsNullOrWhiteSpace(reason) ? "withdrawn during the cooling-off period" : reason.Trim());
        return await SaveAsync(application, application with { State = DivorceState.Withdrawn, ClosedOn = today }, record, entry, [], cancellationToken);
    }

    /// <summary>Days 31-60: both spouses, at the office that accepted; the marriage is dissolved and the certificate issued.</summary>
    public async Task<DivorceApplication> RegisterAsync(string applicationId, string officeId, string firstIdNumber, string secondIdNumber,
        string clerkId, int window, CancellationToken cancellationToken)
    {
        var (application, record) = await OpenAsync(applicationId, cancellationToken);
        if (application.OfficeId != officeId)
            throw new RuleViolated("same-office", $"both must return to the office that accepted the application ({application.OfficeId})");
        if (!record.IsCouple(firstIdNumber, secondIdNumber))
            throw new RuleViolated("not-this-couple", "both spouses must come in person: the ID numbers do not match the record");
        var today = clock.Today;
        var timeline = TimelineOf(application);
        if (timeline.PhaseOn(today) == DivorcePhase.CoolingOff)
            throw new RuleViolated("cooling-off",
                $"the cooling-off period runs until {Dates.Format(timeline.WithdrawalDeadline)}; " +
                $"come back together from {Dates.Format(timeline.RegistrationOpensOn)}");

        var series = Numbering.DivorceCertificateSeries(officeId, today.Year);
        var number = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var now = clock.Now;
        var entry = new ArchiveEntry(now, ArchiveActions.Divorced, clerkId, officeId, window, $"divorce registered, certificate {number}");
        var dissolved = record with
        {
            Status = MarriageStatus.Dissolved,
            Ending = new MarriageEnding(EndingKind.DivorceByAgreement, today, now, clerkId, DivorceCertificateNumber: number),
            Certificates = record.Certificates
                .Select(c => c.Status == CertificateStatus.Valid && c.Kind == CertificateKind.Marriage ? c with { Status = CertificateStatus.SupersededByDivorce } : c)
                .Append(new Certificate(number, CertificateKind.Divorce, CertificateStatus.Valid, now, null))
                .ToList(),
        };
        return await SaveAsync(application, application with { State = DivorceState.Divorced, ClosedOn = today, DivorceCertificateNumber = number },
            dissolved, entry, events.ServiceCompleted(record.MarriageId, $"marriage:divorce:{number}", clerkId, today), cancellationToken);
    }

    public async Task<DivorceApplication> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await archive.GetDivorceAsync(applicationId, cancellationToken) ?? throw new NotFound("divorce-application", applicationId);
        return application.State == DivorceState.Open && IsExpired(application) ? application with { State = DivorceState.DeemedWithdrawn } : application;
    }

    /// <summary>Closes every open application past day 60 as deemed withdrawn, with an entry in its record. Returns how many.</summary>
    public async Task<int> CloseExpiredAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var application in await archive.GetOpenDivorcesAsync(cancellationToken))
        {
            if (!IsExpired(application)) continue;
            var record = await archive.GetAsync(application.MarriageId, cancellationToken);
            if (record is null) continue;
            var entry = new ArchiveEntry(clock.Now, ArchiveActions.DivorceDeemedWithdrawn, "system", application.OfficeId, 0,
                $"nobody came back by {Dates.Format(TimelineOf(application).RegistrationDeadline)} (day 60)");
            var changed = (application with
            {
                State = DivorceState.DeemedWithdrawn, ClosedOn = TimelineOf(application).RegistrationDeadline.AddDays(1), Version = application.Version + 1,
            }).Appending(entry);
            if (await archive.SaveDivorceStepAsync(changed, application.Version, (record with { Version = record.Version + 1 }).Appending(entry), record.Version, [], cancellationToken))
                closed++;
        }
        return closed;
    }

    private bool IsExpired(DivorceApplication application) => TimelineOf(application).PhaseOn(clock.Today) == DivorcePhase.Expired;

    private async Task<(DivorceApplication, MarriageRecord)> OpenAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await archive.GetDivorceAsync(applicationId, cancellationToken) ?? throw new NotFound("divorce-application", applicationId);
        if (application.State != DivorceState.Open || IsExpired(application))
        {
            var state = application.State == DivorceState.Open ? DivorceState.DeemedWithdrawn : application.State;
            throw new RuleViolated("application-closed", state == DivorceState.DeemedWithdrawn
                ? $"the application was deemed withdrawn: nobody came back by {Dates.Format(TimelineOf(application).RegistrationDeadline)} (day 60)"
                : $"the application is {state.ToString().ToLowerInvariant()}");
        }
        var record = await archive.GetAsync(application.MarriageId, cancellationToken) ?? throw new NotFound("marriage-record", application.MarriageId);
        MarriageEndsOnce.Require(record); // a death or a court's decision recorded meanwhile
        return (application, record);
    }

    private async Task<DivorceApplication> SaveAsync(DivorceApplication before, DivorceApplication after, MarriageRecord record, ArchiveEntry entry,
        IReadOnlyList<OutboxMessage> completed, CancellationToken cancellationToken)
    {
        var changed = (after with { Version = before.Version + 1 }).Appending(entry);
        if (!await archive.SaveDivorceStepAsync(changed, before.Version, (record with { Version = record.Version + 1 }).Appending(entry), record.Version,
                completed, cancellationToken))
            throw new RuleViolated("application-changed", "the application was changed meanwhile; look it up again");
        return changed;
    }
}
