using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance;

/// <summary>One entry of <c>Assistance:Standards</c>: a county's standard from a date.</summary>
public sealed class StandardSetting
{
    public string CountyCode { get; set; } = "";
    public string EffectiveFrom { get; set; } = "";
    public long MonthlyStandardFen { get; set; }
    public long AssetLimitPerCapitaFen { get; set; }

    public static IEnumerable<LocalStandard> Read(IConfiguration configuration) =>
        (configuration.GetSection("Assistance:Standards").Get<StandardSetting[]>() ?? [])
        .Select(s => new LocalStandard(s.CountyCode, Dates.ParseDate(s.EffectiveFrom, "Assistance:Standards:EffectiveFrom"),
            s.MonthlyStandardFen, s.AssetLimitPerCapitaFen));
}
