using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A person living in the household, with the monthly income the means test counts (in fen).</summary>
public sealed record HouseholdMember(string Name, ResidentIdNumber IdNumber, Relation Relation, long MonthlyIncomeFen);
