using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// Amounts of money as callers send them, in fen. A figure no household can have (negative, or beyond ten billion
/// yuan) is bad input named by its field, so sums and products over a household never overflow into a server error.
/// </summary>
public static class Money
{
    /// <summary>10,000,000,000 yuan: far above any real income, asset or standard; 30 members of it still fit a long.</summary>
    public const long MaxFen = 1_000_000_000_000;

    public static Validator Check(Validator validator, long fen, string field, bool positive = false)
    {
        if (positive ? fen <= 0 : fen < 0) return validator.Add(field, positive ? "must be more than zero" : "must not be negative");
        return validator.Require(fen <= MaxFen, field, $"must be at most {MaxFen} fen");
    }

    public static void Require(long fen, string field, bool positive = false)
    {
        var validator = new Validator();
        Check(validator, fen, field, positive);
        validator.ThrowIfInvalid();
    }
}
