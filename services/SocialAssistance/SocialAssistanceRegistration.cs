using CivilAffairs.SocialAssistance.Domain;


namespace CivilAffairs.SocialAssistance;

public static class SocialAssistanceDomainRegistration
{
    /// <summary>The domain services; the store adapters come from AddSocialAssistanceStore.</summary>
    public static IHostApplicationBuilder AddSocialAssistanceDomain(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HouseholdRegistry>();
        builder.Services.AddSingleton<DibaoIntake>();
        return builder;
    }
}
