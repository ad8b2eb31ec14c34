using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.ServiceDefaults.Metrics;
using Grpc.Core;

namespace CivilAffairs.Marriage.Api;

/// <summary>Registration, certificates, divorce by agreement and the archive. Translation only.</summary>
public sealed class MarriageRegistryApi(Domain.MarriageRegistry registry, DivorceByAgreement divorces, HallQueue hall, OfficeClock clock,
    PlatformMetrics metrics) : V1.MarriageRegistry.MarriageRegistryBase
{
    public override async Task<V1.MarriageRecord> RegisterMarriage(RegisterMarriageRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var ticketId = validator.Required(request.TicketId, "ticket_id");
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number");
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number");
        validator.Require(request.WindowNumber >= 1, "window_number", "must be the window serving the couple (1 or more)");
        validator.Require(request.Declarations is not null, "declarations", "are required: both parties sign the declarations");
        validator.ThrowIfInvalid();
        var declarations = new Domain.Declarations(request.Declarations!.NeitherHasASpouse, request.Declarations.NotCloseRelatives, request.Declarations.Voluntary);
        var record = await registry.RegisterAsync(ticketId, request.WindowNumber, clerk, first, second, declarations, context.CancellationToken);
        if ((await hall.GetAsync(ticketId, context.CancellationToken)).Wait is { } wait)
            metrics.CertificateIssued(SharedKernel.Window.MarriageRegistration, wait);
        return record.ToContract();
    }

    public override async Task<V1.MarriageRecord> ReissueCertificate(ReissueCertificateRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        var applicant = validator.IdNumber(request.ApplicantIdNumber, "applicant_id_number");
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        validator.ThrowIfInvalid();
        var record = await registry.ReissueAsync(number, applicant, request.Reason, clerk, officeId, request.WindowNumber, context.CancellationToken);
        return record.ToContract();
    }

    public override async Task<V1.DivorceApplication> AcceptDivorce(AcceptDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number");
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number");
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        validator.Require(request.Agreement is not null, "agreement", "is required: a divorce by agreement needs the written agreement");
        validator.ThrowIfInvalid();
        var agreement = new Domain.DivorceAgreement(request.Agreement!.Children, request.Agreement.Property, request.Agreement.Debts);
        var application = await divorces.AcceptAsync(officeId, number, first, second, agreement, clerk, context.CancellationToken);
        return application.ToContract(clock.Today);
    }

    public override async Task<V1.DivorceApplication> WithdrawDivorce(WithdrawDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        var who = validator.IdNumber(request.IdNumber, "id_number");
        var reason = validator.Optional(request.Reason, "reason", 500);
        validator.ThrowIfInvalid();
        return (await divorces.WithdrawAsync(id, who, reason, context.CancellationToken)).ToContract(clock.Today);
    }

    public override async Task<V1.DivorceApplication> RegisterDivorce(RegisterDivorceRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var first = validator.IdNumber(request.FirstIdNumber, "first_id_number");
        var second = validator.IdNumber(request.SecondIdNumber, "second_id_number");
        var clerk = validator.Required(request.ClerkId, "clerk_id");
        validator.ThrowIfInvalid();
        var application = await divorces.RegisterAsync(id, officeId, first, second, clerk, request.WindowNumber, context.CancellationToken);
        return application.ToContract(clock.Today);
    }

    public override async Task<V1.DivorceApplication> GetDivorceApplication(GetDivorceApplicationRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.ApplicationId, "application_id");
        validator.ThrowIfInvalid();
        return (await divorces.GetAsync(id, context.CancellationToken)).ToContract(clock.Today);
    }

    public override async Task<V1.MarriageRecord> GetRecordByCertificate(GetRecordByCertificateRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var number = validator.Required(request.CertificateNumber, "certificate_number");
        validator.ThrowIfInvalid();
        return (await registry.GetByCertificateAsync(number, context.CancellationToken)).ToContract();
    }

    public override async Task<SearchRecordsResponse> SearchRecordsByIdNumber(SearchRecordsByIdNumberRequest request, ServerCallContext context)
    {
        var idNumber = ResidentIdNumber.Parse(request.IdNumber, "id_number");
        var response = new SearchRecordsResponse();
        response.Records.AddRange((await registry.FindByIdNumberAsync(idNumber, context.CancellationToken)).Select(r => r.ToContract()));
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
        return (await registry.CorrectNameAsync(id, party, name, request.Reason, clerk, context.CancellationToken)).ToContract();
    }
}
