namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Numbers match <c>civilaffairs.staffconduct.v1.CommitmentStatus</c>.</summary>
public enum CommitmentStatus
{
    Published = 1,
    Kept = 2,
    Broken = 3,
    Overdue = 4,
}
