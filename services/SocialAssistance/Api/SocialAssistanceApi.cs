using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>The gRPC (and transcoded REST) face of the service: translation only, the rules live in Domain.</summary>
public sealed class SocialAssistanceApi(HouseholdRegistry registry, DibaoIntake intake) : V1.SocialAssistance.SocialAssistanceBase
{
    public override async Task<V1.Household> RegisterHousehold(RegisterHouseholdRequest request, ServerCallContext context)
    {
        var claim = Claim(HouseholdRegistry.Scope, context, request.IdempotencyKey,
            () => Fingerprint.Of(request, r => r.IdempotencyKey = ""));
        return (await registry.RegisterAsync(request.ToDomain(), claim)).ToContract();
    }

    public override async Task<V1.Household> GetHousehold(GetHouseholdRequest request, ServerCallContext context) =>
        (await registry.GetAsync(request.HouseholdId)).ToContract();

    public override async Task<V1.DibaoApplication> SubmitDibaoApplication(SubmitDibaoApplicationRequest request, ServerCallContext context)
    {
        var claim = Claim(DibaoIntake.Scope, context, request.IdempotencyKey,
            () => Fingerprint.Of(request, r => r.IdempotencyKey = ""));
        return (await intake.SubmitAsync(request.ToDomain(), claim)).ToContract();
    }

    public override async Task<V1.DibaoApplication> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
        (await intake.GetAsync(request.ApplicationId)).ToContract();

    private static IdempotencyClaim? Claim(string scope, ServerCallContext context, string field, Func<string> fingerprint) =>
        IdempotencyKey.From(context, field) is { } key ? new IdempotencyClaim(scope, key, fingerprint()) : null;
}
