using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using Contract = CivilAffairs.SocialAssistance.V1;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>Proto messages to domain inputs and domain records to proto messages (masked: full numbers never leave).</summary>
internal static class ContractTranslation
{
    public static NewHousehold ToDomain(this Contract.RegisterHouseholdRequest request) => new(
        request.CountyCode,
        request.Address,
        request.Members.Select(m => new NewMember(m.Name, m.IdNumber, (Relation)(int)m.Relation, m.MonthlyIncomeFen)).ToList());

    public static NewDibaoApplication ToDomain(this Contract.SubmitDibaoApplicationRequest request) => new(
        request.HouseholdId, (ApplicantKind)(int)request.ApplicantKind, request.ApplicantName, request.Reason);

    public static Contract.Household ToContract(this Household household)
    {
        var message = new Contract.Household
        {
            HouseholdId = household.Id,
            CountyCode = household.CountyCode,
            Address = household.Address,
            TotalMonthlyIncomeFen = household.TotalMonthlyIncomeFen,
            PerCapitaMonthlyIncomeFen = household.PerCapitaMonthlyIncomeFen,
            RegisteredAt = household.RegisteredAt.ToTimestamp(),
        };
        message.Members.AddRange(household.Members.Select(m => new Contract.Member
        {
            Person = ContractMapping.ToMaskedPerson(m.Name, m.IdNumber),
            Relation = (Contract.Relation)(int)m.Relation,
            MonthlyIncomeFen = m.MonthlyIncomeFen,
        }));
        return message;
    }

    public static Contract.DibaoApplication ToContract(this DibaoApplication application) => new()
    {
        ApplicationId = application.Id,
        HouseholdId = application.HouseholdId,
        ApplicantKind = (Contract.ApplicantKind)(int)application.ApplicantKind,
        ApplicantName = application.ApplicantName,
        Status = (Contract.ApplicationStatus)(int)application.Status,
        Reason = application.Reason,
        SubmittedAt = application.SubmittedAt.ToTimestamp(),
        Window = Window.SocialAssistance.ToContract(),
    };
}
