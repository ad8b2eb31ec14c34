namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The five levels of GB/T 39734-2020; numbers match <c>civilaffairs.feedback.v1.RatingLevel</c>.</summary>
public enum RatingLevel
{
    VerySatisfied = 1,
    Satisfied = 2,
    BasicallySatisfied = 3,
    Dissatisfied = 4,
    VeryDissatisfied = 5,
}

public static class RatingLevels
{
    /// <summary>A bad rating (不满意, 非常不满意) is a complaint on the staff member's conduct record.</summary>
    public static bool IsComplaint(this RatingLevel level) => level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;
}
