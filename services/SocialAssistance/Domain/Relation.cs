namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>How a member is related to the head of the household. Numbers match the contract.</summary>
public enum Relation
{
    Unspecified = 0,
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Grandparent = 6,
    Sibling = 7,
    Other = 8,
}
