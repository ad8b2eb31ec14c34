using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Marriage.Domain;

public static class MarriageDomain
{
    /// <summary>The office clock (time zone <c>Marriage:TimeZone</c>, default Asia/Shanghai), calendar and appointment book.</summary>
    public static IServiceCollection AddMarriageDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var zoneId = configuration["Marriage:TimeZone"];
        var zone = string.IsNullOrWhiteSpace(zoneId) ? OfficeClock.ChinaStandardTime : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        services.AddSingleton(sp => new OfficeClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddSingleton<SlotCalendar>();
        services.AddSingleton<AppointmentBook>();
        return services;
    }
}
