namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Kinds of income a person declares; some are not counted for extreme poverty (configuration). Numbers match the contract.</summary>
public enum IncomeKind
{
    Unspecified = 0,
    Wages = 1,
    Business = 2,
    EmployeePension = 3,
    /// <summary>The basic pension of the urban and rural residents' scheme (城乡居民基本养老金).</summary>
    ResidentsBasicPension = 4,
    /// <summary>Old-age allowances (高龄津贴).</summary>
    OldAgeAllowance = 5,
    DisabilityAllowance = 6,
    SupportFromRelatives = 7,
    Other = 8,
}

/// <summary>One kind of a person's monthly income, in fen.</summary>
public sealed record IncomeItem(IncomeKind Kind, long MonthlyFen);
