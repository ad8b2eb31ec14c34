namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Numbers match <c>civilaffairs.staffconduct.v1.InspectionKind</c>.</summary>
public enum InspectionKind
{
    Commendation = 1,
    Violation = 2,
}

/// <summary>
/// A commendation or violation observed by an inspector against a rule of the conduct code. The rule's part and
/// wording are copied, so a later edit of the code does not rewrite what was recorded.
/// </summary>
public sealed record Inspection(
    string Id,
    string StaffId,
    Window Window,
    string RuleId,
    ConductPart Part,
    string RuleText,
    InspectionKind Kind,
    string Inspector,
    string Evidence,
    DateOnly ObservedOn,
    DateTimeOffset RecordedAt);
