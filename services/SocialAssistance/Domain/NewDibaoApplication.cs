using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A dibao application as it arrives at the window, before any check.</summary>
public sealed record NewDibaoApplication(string? HouseholdId, ApplicantKind ApplicantKind, string? ApplicantName, string? Reason)
{
    public const int MaxNameLength = 100;
    public const int MaxReasonLength = 1000;

    /// <summary>Checks the fields (not yet the household) and returns the trimmed values.</summary>
    public NewDibaoApplication Validated()
    {
        var validator = new Validator();
        var householdId = HouseholdId?.Trim() ?? "";
        var applicantName = ApplicantName?.Trim() ?? "";
        var reason = Reason?.Trim() ?? "";
        validator.Require(householdId.Length > 0, "household_id", "is required");
        validator.Require(ApplicantKind is ApplicantKind.Household or ApplicantKind.Committee, "applicant_kind",
            "must be HOUSEHOLD or COMMITTEE");
        validator.Require(ApplicantKind != ApplicantKind.Committee || applicantName.Length > 0, "applicant_name",
            "is required when a committee applies on the household's behalf");
        validator.Require(applicantName.Length <= MaxNameLength, "applicant_name", $"must be at most {MaxNameLength} characters");
        validator.Require(reason.Length <= MaxReasonLength, "reason", $"must be at most {MaxReasonLength} characters");
        validator.ThrowIfInvalid();
        return new NewDibaoApplication(householdId, ApplicantKind, applicantName, reason);
    }
}
