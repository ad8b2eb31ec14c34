namespace CivilAffairs.Feedback.Domain;

/// <summary>Where a rectification case (整改) stands. Numbers match the contract's <c>CaseStage</c>.</summary>
public enum CaseStage
{
    /// <summary>Opened by a bad rating, waiting for the window to verify and call the citizen.</summary>
    Open = 1,
    /// <summary>Verified and the citizen called back; the window decides: fix now, track, or explain.</summary>
    Verified = 2,
    /// <summary>A complex complaint tracked to its (longer) deadline.</summary>
    InProgress = 3,
    Fixed = 4,
    /// <summary>The complaint has no legal basis, and the window has written why.</summary>
    Explained = 5,
    /// <summary>The citizen has the window's reply; the last call back is due.</summary>
    Replied = 6,
    Closed = 7,
    /// <summary>The window says the rating was mistaken or malicious; a reviewer decides.</summary>
    AppealPending = 8,
}
