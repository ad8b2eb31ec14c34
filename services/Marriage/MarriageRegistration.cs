using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.Marriage.Integration;
using CivilAffairs.ServiceDefaults.Outbox;

namespace CivilAffairs.Marriage;

public static class MarriageRegistration
{
    /// <summary>The office clock, the domain services and the day-end work, with the local rules of the <c>Marriage</c> section.</summary>
    public static IHostApplicationBuilder AddMarriageDomain(this IHostApplicationBuilder builder)
    {
        var options = new MarriageOptions();
        builder.Configuration.GetSection(MarriageOptions.Section).Bind(options);
        var zone = string.IsNullOrWhiteSpace(options.TimeZone) ? OfficeClock.ChinaStandardTime : TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(sp => new OfficeClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddSingleton<Offices>();
        services.AddSingleton<SlotCalendar>();
        services.AddSingleton<AppointmentBook>();
        services.AddSingleton<HallQueue>();
        services.AddSingleton<MarriageRegistry>();
        services.AddSingleton<DivorceByAgreement>();
        services.AddSingleton<CoolingOffPeriod>();
        services.AddSingleton<OneStandingMarriage>();
        services.AddSingleton(CertificateVerificationKey.Codes(builder.Configuration, builder.Environment));
        services.AddSingleton<CertificateVerifier>();
        services.AddSingleton<DailyReport>();
        services.AddHostedService<DayEnd>();
        services.AddSingleton<IPlatformEvents, PlatformEvents>();
        builder.AddOutbox();
        return builder;
    }
}
