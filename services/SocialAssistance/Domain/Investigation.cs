using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What the caseworker brings back from the home visit and the income check.</summary>
public sealed record Investigation(string? VisitedOn, string? VisitNotes, IReadOnlyList<long> VerifiedMonthlyIncomesFen, long VerifiedFinancialAssetsFen)
{
    public HomeVisit Validated(Household household, string caseworkerId)
    {
        var validator = new Validator();
        var notes = VisitNotes?.Trim() ?? "";
        validator.Require(notes.Length > 0, "visit_notes", "are required: what the caseworker saw at the home visit");
        validator.Require(notes.Length <= 4000, "visit_notes", "must be at most 4000 characters");
        validator.Require(VerifiedMonthlyIncomesFen.Count == household.Members.Count, "verified_monthly_incomes_fen",
            $"must give one income per member ({household.Members.Count}), in member order");
        for (var i = 0; i < VerifiedMonthlyIncomesFen.Count; i++)
            Money.Check(validator, VerifiedMonthlyIncomesFen[i], $"verified_monthly_incomes_fen[{i}]");
        Money.Check(validator, VerifiedFinancialAssetsFen, "verified_financial_assets_fen");
        validator.ThrowIfInvalid();
        return new HomeVisit(Dates.ParseDate(VisitedOn, "visited_on"), notes, caseworkerId);
    }
}
