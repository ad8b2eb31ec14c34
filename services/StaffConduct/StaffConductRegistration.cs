using System.Globalization;
using CivilAffairs.ServiceDefaults.Clients;
using CivilAffairs.StaffConduct.Clients;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct;

public static class StaffConductRegistration
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
        builder.Services.AddSingleton<DesignationDesk>();
        builder.Services.AddSingleton<ConductCodeEditor>();
        builder.Services.AddSingleton<InspectionDesk>();
        builder.Services.AddSingleton<ContestDesk>();
        builder.Services.AddSingleton<CaseIntake>();
        builder.Services.AddSingleton<RatingIntake>();
        builder.Services.AddSingleton<MonthlyRankingQuery>();
        builder.Services.AddSingleton<MonthClosing>();
        builder.Services.AddSingleton<ServiceCatalogueDesk>();
        var rules = new PerformanceRules();
        builder.Configuration.GetSection("StaffConduct:Performance").Bind(rules);
        builder.Services.AddSingleton(rules.Validated());

        // Satisfaction and the appraisal meetings' scores come from the feedback service (Services:feedback:Grpc).
        builder.AddServiceClient<Feedback.V1.Feedback.FeedbackClient>("feedback");
        builder.Services.AddSingleton<ISatisfactionSource, FeedbackSatisfactionSource>();
        builder.Services.AddSingleton<IAppraisalSource, FeedbackAppraisalSource>();
        return builder;
    }
}
