using System.Globalization;
using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct;

public static class DomainRegistration
{
    /// <summary>The domain services; the bureau's UTC offset comes from <c>StaffConduct:UtcOffset</c> (default 08:00).</summary>
    public static IHostApplicationBuilder AddStaffConductDomain(this IHostApplicationBuilder builder)
    {
        var offsetText = builder.Configuration["StaffConduct:UtcOffset"];
        var offset = string.IsNullOrWhiteSpace(offsetText)
            ? BureauClock.ChinaStandardTime
            : TimeSpan.Parse(offsetText, CultureInfo.InvariantCulture);
        builder.Services.AddSingleton(sp => new BureauClock(sp.GetRequiredService<TimeProvider>(), offset));
        builder.Services.AddSingleton<StaffRegistry>();
        builder.Services.AddSingleton<CommitmentDesk>();
        builder.Services.AddSingleton<WindowShowcaseQuery>();
        builder.Services.AddSingleton<DutyBook>();
        return builder;
    }
}
