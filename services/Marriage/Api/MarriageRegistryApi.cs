using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.V1;
using CivilAffairs.ServiceDefaults.Callers;
using CivilAffairs.SharedKernel;
using CivilAffairs.ServiceDefaults.Metrics;
using Grpc.Core;

namespace CivilAffairs.Marriage.Api;

/// <summary>Registration, certificates, divorce by agreement, the ends of a marriage and the archive. Translation only.</summary>
public sealed class MarriageRegistryApi(Domain.MarriageRegistry registry, DivorceByAgreement divorces, HallQueue hall, CertificateVerifier verifier,
    CertificateCodes codes, OfficeClock clock, PlatformMetrics metrics) : V1.MarriageRegistry.MarriageRegistryBase
{
    public override async Task<V1.MarriageRecord> RegisterMarriage(RegisterMarriageRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var ticketId = validator.Required(request.TicketId, "ticket_id");
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number", clock.Today);
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number", clock.Today);
        validator.Require(request.WindowNumber >= 1, "window_number", "must be the window serving the couple (1 or more)");
        validator.Require(request.Declarations is not null, "declarations", "are required: both parties sign the declarations");
        validator.ThrowIfInvalid();
        var d = request.Declarations!;
        var declarations = new Domain.Declarations(d.NeitherHasASpouse, d.NotCloseRelatives, d.Voluntary,
            Disclosure(d.FirstPartyIllness), Disclosure(d.SecondPartyIllness));
        var record = await registry.RegisterAsync(ticketId, request.WindowNumber, clerk, first, second, declarations, context.CancellationToken);
        if ((await hall.GetAsync(ticketId, context.CancellationToken)).Wait is { } wait)
            metrics.CertificateIssued(SharedKernel.Window.MarriageRegistration, wait);
        return record.ToContract(codes);
    }

    public override async Task<V1.MarriageRecord> ReissueCertificate(ReissueCertificateRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        var applicant = validator.IdNumber(request.ApplicantIdNumber, "applicant_id_number", clock.Today);
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        validator.ThrowIfInvalid();
        var record = await registry.ReissueAsync(number, applicant, request.Reason, clerk, officeId, request.WindowNumber, context.CancellationToken);
        return record.ToContract(codes);
    }

    public override async Task<V1.DivorceApplication> AcceptDivorce(AcceptDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number", clock.Today);
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number", clock.Today);
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        validator.Require(request.Agreement is not null, "agreement", "is required: a divorce by agreement needs the written agreement");
        ElsewhereCertificate? elsewhere = null;
        if (request.RegisteredElsewhere is { } e)
        {
            elsewhere = new ElsewhereCertificate(
                validator.Try(() => Dates.ParseDate(e.RegisteredOn, "registered_elsewhere.registered_on")),
                validator.Required(e.IssuingOffice, "registered_elsewhere.issuing_office", 100),
                validator.Required(e.FirstPartyName, "registered_elsewhere.first_party_name", Domain.Party.MaxNameLength),
                validator.Required(e.SecondPartyName, "registered_elsewhere.second_party_name", Domain.Party.MaxNameLength));
        }
        validator.ThrowIfInvalid();
        var agreement = new Domain.DivorceAgreement(request.Agreement!.Children, request.Agreement.Property, request.Agreement.Debts);
        var application = await divorces.AcceptAsync(officeId, number, first, second, agreement, clerk, context.CancellationToken, elsewhere);
        return Contract(application);
    }

    public override async Task<V1.DivorceApplication> WithdrawDivorce(WithdrawDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var who = validator.IdNumber(request.IdNumber, "id_number", clock.Today);
        var reason = validator.Optional(request.Reason, "reason", 500);
        validator.ThrowIfInvalid();
        return Contract(await divorces.WithdrawAsync(id, officeId, who, reason, context.CancellationToken));
    }

    public override async Task<V1.DivorceApplication> RegisterDivorce(RegisterDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number", clock.Today);
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number", clock.Today);
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        validator.ThrowIfInvalid();
        var application = await divorces.RegisterAsync(id, officeId, first, second, clerk, request.WindowNumber, context.CancellationToken);
        return Contract(application);
    }

    public override async Task<V1.DivorceApplication> GetDivorceApplication(GetDivorceApplicationRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        validator.ThrowIfInvalid();
        return Contract(await divorces.GetAsync(id, context.CancellationToken));
    }

    public override async Task<V1.MarriageRecord> GetRecordByCertificate(GetRecordByCertificateRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        validator.ThrowIfInvalid();
        return (await registry.GetByCertificateAsync(number, context.CancellationToken)).ToContract(codes);
    }

    public override async Task<SearchRecordsResponse> SearchRecordsByIdNumber(SearchRecordsByIdNumberRequest request, ServerCallContext context)
    {
        var idNumber = ResidentIdNumber.Parse(request.IdNumber, "id_number");
        var response = new SearchRecordsResponse();
        response.Records.AddRange((await registry.FindByIdNumberAsync(idNumber, context.CancellationToken)).Select(r => r.ToContract(codes)));
        return response;
    }

    public override async Task<V1.MarriageRecord> CorrectRecord(CorrectRecordRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.MarriageId, "marriage_id");
        var party = request.Party?.Trim().ToLowerInvariant() switch { "first" => 1, "second" => 2, _ => 0 };
        validator.Require(party != 0, "party", "must be \"first\" or \"second\"");
        var name = validator.Required(request.NewName, "new_name", Domain.Party.MaxNameLength);
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        validator.ThrowIfInvalid();
        return (await registry.CorrectNameAsync(id, party, name, request.Reason, clerk, context.CancellationToken)).ToContract(codes);
    }

    public override async Task<V1.MarriageRecord> RecordDeath(RecordDeathRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var deceased = validator.IdNumber(request.DeceasedIdNumber, "deceased_id_number", clock.Today);
        var date = validator.Try(() => Dates.ParseDate(request.DateOfDeath, "date_of_death"));
        validator.Require(request.Evidence != V1.DeathEvidence.Unspecified, "evidence", "is required: DEATH_CERTIFICATE or CREMATION_CERTIFICATE");
        var evidenceNumber = validator.Required(request.EvidenceNumber, "evidence_number");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var by = RecordedBy(validator, request.ClerkId, context);
        validator.ThrowIfInvalid();
        return (await registry.RecordDeathAsync(deceased, date, (Domain.DeathEvidence)(int)request.Evidence, evidenceNumber, by, officeId,
            context.CancellationToken)).ToContract(codes);
    }

    public override async Task<V1.MarriageRecord> RecordCourtDivorce(RecordCourtDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        validator.Require(request.Kind != CourtDivorceKind.Unspecified, "kind", "is required: JUDGMENT or MEDIATION");
        var (court, caseNumber, effectiveOn, officeId) = CourtDecision(validator, request.Court, request.CaseNumber, request.EffectiveOn, request.OfficeId);
        var by = RecordedBy(validator, request.ClerkId, context);
        validator.ThrowIfInvalid();
        var kind = request.Kind == CourtDivorceKind.Judgment ? Domain.EndingKind.CourtJudgment : Domain.EndingKind.CourtMediation;
        return (await registry.RecordCourtDivorceAsync(number, kind, court, caseNumber, effectiveOn, by, officeId, context.CancellationToken)).ToContract(codes);
    }

    public override async Task<V1.MarriageRecord> RecordNullity(RecordNullityRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        validator.Require(Enum.IsDefined((Domain.NullityGround)(int)request.Ground), "ground",
            "is required: BIGAMY, CLOSE_RELATIVES, UNDER_AGE (invalid), COERCION or UNDISCLOSED_SERIOUS_ILLNESS (annulled)");
        var (court, caseNumber, effectiveOn, officeId) = CourtDecision(validator, request.Court, request.CaseNumber, request.EffectiveOn, request.OfficeId);
        var by = RecordedBy(validator, request.ClerkId, context);
        validator.ThrowIfInvalid();
        return (await registry.RecordNullityAsync(number, (Domain.NullityGround)(int)request.Ground, court, caseNumber, effectiveOn, by, officeId,
            context.CancellationToken)).ToContract(codes);
    }

    /// <summary>Anonymous (through the gateway's public route): the number and the printed code, nothing else.</summary>
    public override async Task<V1.CertificateVerification> VerifyCertificate(VerifyCertificateRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        validator.Require(!string.IsNullOrWhiteSpace(request.Code), "code", "is required: the verification code printed on the certificate");
        validator.Require((request.Code ?? "").Length <= 64, "code", "must be at most 64 characters");
        validator.ThrowIfInvalid();
        return (await verifier.VerifyAsync(number, request.Code, context.CancellationToken)).ToContract();
    }

    private V1.DivorceApplication Contract(Domain.DivorceApplication application) =>
        application.ToContract(clock.Today, divorces.TimelineOf(application));

    private static (string Court, string CaseNumber, DateOnly EffectiveOn, string OfficeId) CourtDecision(Validator validator, string? court,
        string? caseNumber, string? effectiveOn, string? officeId) =>
        (validator.Required(court, "court", 100), validator.Required(caseNumber, "case_number"),
            validator.Try(() => Dates.ParseDate(effectiveOn, "effective_on")), validator.Try(() => OfficeId.Parse(officeId)));

    /// <summary>The clerk who records it, or, when a partner system reports it, that partner.</summary>
    private static string RecordedBy(Validator validator, string? clerkId, ServerCallContext context)
    {
        if (!string.IsNullOrWhiteSpace(clerkId)) return validator.Required(clerkId, "clerk_id");
        var caller = CallerIdentity.Of(context);
        validator.Require(caller != CallerIdentity.Anonymous, "clerk_id", "is required when no partner system reports it");
        return caller;
    }

    private static Domain.IllnessDisclosure? Disclosure(V1.IllnessDisclosure disclosure) => disclosure switch
    {
        V1.IllnessDisclosure.NoSeriousIllness => Domain.IllnessDisclosure.NoSeriousIllness,
        V1.IllnessDisclosure.DisclosedToTheOtherParty => Domain.IllnessDisclosure.DisclosedToTheOtherParty,
        _ => null,
    };
}
