namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Numbers match <c>civilaffairs.staffconduct.v1.DesignationKind</c>.</summary>
public enum DesignationKind
{
    /// <summary>党员示范窗口: held by a window at an office.</summary>
    ModelWindow = 1,

    /// <summary>党员先锋岗: held by a staff member who is a party member.</summary>
    PioneerPost = 2,
}

/// <summary>
/// A party-member designation, granted on a date for a reason and, perhaps later, withdrawn on a date for a reason.
/// A withdrawn designation stays on record.
/// </summary>
public sealed record Designation(
    string Id,
    DesignationKind Kind,
    Window Window,
    string OfficeId,
    string StaffId,
    DateOnly GrantedOn,
    string GrantReason,
    string GrantedBy,
    DateTimeOffset RecordedAt,
    DesignationWithdrawal? Withdrawal)
{
    public bool InForce => Withdrawal is null;

    /// <summary>Who holds it: one designation of a kind is in force per holder at a time.</summary>
    public string HolderKey => Kind == DesignationKind.ModelWindow
        ? $"{(int)Kind}|{(int)Window}|{OfficeId}"
        : $"{(int)Kind}|{StaffId}";
}

public sealed record DesignationWithdrawal(DateOnly On, string Reason, string By, DateTimeOffset RecordedAt);
