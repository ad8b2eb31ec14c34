namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Whether a staff member is at the window on a day. Numbers match <c>civilaffairs.staffconduct.v1.DutyStatus</c>.</summary>
public enum DutyStatus
{
    Unrecorded = 0,
    OnDuty = 1,
    OnLeave = 2,
    Out = 3,
    Training = 4,
    Off = 5,
}
