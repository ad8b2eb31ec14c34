using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A staff member as the staff-conduct service knows them: who may act on a case.</summary>
public sealed record StaffMember(string Id, string Name, Window Window);
