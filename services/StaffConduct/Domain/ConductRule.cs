namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The five parts of the conduct code. Numbers match <c>civilaffairs.staffconduct.v1.ConductPart</c>.</summary>
public enum ConductPart
{
    Appearance = 1,        // 仪容仪表
    Behaviour = 2,         // 行为举止
    Attitude = 3,          // 服务态度
    CourteousLanguage = 4, // 文明用语
    WorkOrder = 5,         // 工作秩序
}

/// <summary>
/// A rule of the conduct code, edited by an administrator. An inactive rule stays readable (inspections cite it) but
/// no new inspection may cite it. <see cref="Version"/> counts the edits.
/// </summary>
public sealed record ConductRule(string Id, ConductPart Part, string Text, bool Active, int Version, DateTimeOffset UpdatedAt);
