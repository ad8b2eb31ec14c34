using CivilAffairs.ServiceDefaults.Clients;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Integration;
using CivilAffairs.SocialAssistance.Staff;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using StaffConductClient = CivilAffairs.StaffConduct.V1.StaffConduct.StaffConductClient;

namespace CivilAffairs.SocialAssistance;

public static class SocialAssistanceRegistration
{
    /// <summary>
    /// The domain services and their configuration: local standards (<c>Assistance:Standards</c>), process time limits
    /// (<c>Assistance:Process</c>), working days from the official calendar (ServiceDefaults' AddOfficialCalendar),
    /// the bureau's UTC offset (<c>Assistance:UtcOffsetHours</c>, 8), the staff-conduct client, and the outbox that tells
    /// feedback and staff-conduct about completed services (<c>Outbox</c>, <c>Services:feedback:Grpc</c>).
    /// The store adapters come from AddSocialAssistanceStore.
    /// </summary>
    public static IHostApplicationBuilder AddSocialAssistanceDomain(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Built now, so a bad configuration stops the service at start-up rather than at the first request.
        var configured = StandardSetting.Read(configuration).ToList();
        _ = new LocalStandards(configured);
        builder.Services.AddSingleton(sp => new LocalStandards(configured, sp.GetRequiredService<IStandardStore>()));
        builder.Services.AddSingleton(configuration.GetSection("Assistance:Process").Get<DibaoRules>() ?? new DibaoRules());
        var utcOffset = TimeSpan.FromHours(configuration.GetValue("Assistance:UtcOffsetHours", 8.0));
        // The platform's one official calendar (registered by the service defaults), never a list of our own.
        builder.Services.AddSingleton(sp => new CaseCalendar(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<WorkingDayCalendar>(), utcOffset));
        builder.AddServiceClient<StaffConductClient>("staff-conduct");
        builder.Services.AddTransient<IStaffDirectory, StaffConductDirectory>();
        builder.Services.AddSingleton<HouseholdRegistry>();
        builder.Services.AddSingleton<DibaoIntake>();
        builder.Services.AddTransient<DibaoProcess>();
        builder.Services.AddSingleton(configuration.GetSection("Assistance:Support").Get<SupportRules>() ?? new SupportRules());
        builder.Services.AddTransient<AssistanceStaff>();
        builder.Services.AddTransient<SupportDesk>();
        builder.Services.AddSingleton<CaseLists>();
        builder.Services.AddSingleton<PaymentRuns>();
        builder.Services.AddTransient<StandardPublication>();
        builder.Services.AddSingleton<IPlatformEvents, PlatformEvents>();
        builder.AddOutbox();
        builder.Services.AddHostedService<ApplicationGauges>();
        return builder;
    }
}
