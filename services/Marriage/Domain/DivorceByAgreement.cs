using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// Divorce by agreement with the cooling-off period: accepted on day 0 with a receipt; withdrawn by either party alone
/// until day 30; registered when both come back to the same office on days 31-60; deemed withdrawn after day 60.
/// </summary>
public sealed class DivorceByAgreement(IMarriageArchive archive, IPlatformEvents events, OfficeClock clock)
{
    public const int MaxAgreementPartLength = 4000;

    public async Task<DivorceApplication> AcceptAsync(string officeId, string certificateNumber, string firstIdNumber, string secondIdNumber,
        DivorceAgreement agreement, string clerkId, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        foreach (var (text, field) in new[] { (agreement.Children, "agreement.children"), (agreement.Property, "agreement.property"), (agreement.Debts, "agreement.debts") })
        {
            validator.Require(!string.IsNullOrWhiteSpace(text), field, "is required: the written agreement must settle children, property and debts (write 无 where there are none)");
            validator.Require(text.Length <= MaxAgreementPartLength, field, $"must be at most {MaxAgreementPartLength} characters");
        }
        validator.ThrowIfInvalid();
        var record = await archive.GetByCertificateAsync(certificateNumber, cancellationToken)
            ?? throw new RuleViolated("marriage-not-registered",
                $"no marriage with certificate {certificateNumber} is registered in the records; a divorce by agreement cannot be accepted");
        if (record.Status != MarriageStatus.Married) throw new RuleViolated("marriage-dissolved", "this marriage is already dissolved");
        if (!record.IsCouple(firstIdNumber, secondIdNumber))
            throw new RuleViolated("not-this-couple", "both spouses must apply in person: the ID numbers do not match the record");

        var today = clock.Today;
        var now = clock.Now;
        var series = Numbering.ReceiptSeries(officeId, today.Year);
        var receipt = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var entry = new ArchiveEntry(now, ArchiveActions.DivorceAccepted, clerkId, officeId, 0, $"divorce by agreement accepted, receipt {receipt}");
        var application = new DivorceApplication("div_" + Guid.CreateVersion7(now).ToString("N"), record.MarriageId, officeId, today, receipt,
            agreement, DivorceState.Open, null, null, [entry], 1);
        if (!await archive.SaveDivorceStepAsync(application, null, (record with { Version = record.Version + 1 }).Appending(entry), record.Version, [], cancellationToken))
            throw new AlreadyExists("divorce-application", "this marriage already has an open divorce application");
        return application;
    }

    /// <summary>Days 0-30: either party alone.</summary>
    public async Task<DivorceApplication> WithdrawAsync(string applicationId, string idNumber, string? reason, CancellationToken cancellationToken)
    {
        var (application, record) = await OpenAsync(applicationId, cancellationToken);
        if (!record.HasParty(idNumber)) throw new RuleViolated("not-a-party", "only one of the spouses may withdraw the application");
        var today = clock.Today;
        if (CoolingOffPeriod.PhaseOn(application.AcceptedOn, today) != DivorcePhase.CoolingOff)
            throw new RuleViolated("cooling-off-over",
                $"withdrawal by one party alone was possible until {Dates.Format(CoolingOffPeriod.WithdrawalDeadline(application.AcceptedOn))} (day 30); " +
                $"if the spouses do not both return by {Dates.Format(CoolingOffPeriod.RegistrationDeadline(application.AcceptedOn))}, it is deemed withdrawn");
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
        if (CoolingOffPeriod.PhaseOn(application.AcceptedOn, today) == DivorcePhase.CoolingOff)
            throw new RuleViolated("cooling-off",
                $"the cooling-off period runs until {Dates.Format(CoolingOffPeriod.WithdrawalDeadline(application.AcceptedOn))}; " +
                $"come back together from {Dates.Format(CoolingOffPeriod.RegistrationOpensOn(application.AcceptedOn))}");

        var series = Numbering.DivorceCertificateSeries(officeId, today.Year);
        var number = Numbering.Format("", series, await archive.NextNumberAsync(series, cancellationToken));
        var now = clock.Now;
        var entry = new ArchiveEntry(now, ArchiveActions.Divorced, clerkId, officeId, window, $"divorce registered, certificate {number}");
        var dissolved = record with
        {
            Status = MarriageStatus.Dissolved,
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
                $"nobody came back by {Dates.Format(CoolingOffPeriod.RegistrationDeadline(application.AcceptedOn))} (day 60)");
            var changed = (application with
            {
                State = DivorceState.DeemedWithdrawn, ClosedOn = CoolingOffPeriod.RegistrationDeadline(application.AcceptedOn).AddDays(1), Version = application.Version + 1,
            }).Appending(entry);
            if (await archive.SaveDivorceStepAsync(changed, application.Version, (record with { Version = record.Version + 1 }).Appending(entry), record.Version, [], cancellationToken))
                closed++;
        }
        return closed;
    }

    private bool IsExpired(DivorceApplication application) => CoolingOffPeriod.PhaseOn(application.AcceptedOn, clock.Today) == DivorcePhase.Expired;

    private async Task<(DivorceApplication, MarriageRecord)> OpenAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await archive.GetDivorceAsync(applicationId, cancellationToken) ?? throw new NotFound("divorce-application", applicationId);
        if (application.State != DivorceState.Open || IsExpired(application))
        {
            var state = application.State == DivorceState.Open ? DivorceState.DeemedWithdrawn : application.State;
            throw new RuleViolated("application-closed", state == DivorceState.DeemedWithdrawn
                ? $"the application was deemed withdrawn: nobody came back by {Dates.Format(CoolingOffPeriod.RegistrationDeadline(application.AcceptedOn))} (day 60)"
                : $"the application is {state.ToString().ToLowerInvariant()}");
        }
        var record = await archive.GetAsync(application.MarriageId, cancellationToken) ?? throw new NotFound("marriage-record", application.MarriageId);
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
