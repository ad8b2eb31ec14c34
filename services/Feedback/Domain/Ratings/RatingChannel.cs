namespace CivilAffairs.Feedback.Domain;

/// <summary>Where the citizen rated; the numbers match the contract's <c>Channel</c>.</summary>
public enum RatingChannel
{
    OnSitePad = 1,
    SmsLink = 2,
    Web = 3,
    Hotline = 4,
}
