namespace CivilAffairs.Feedback.Domain;

/// <summary>A step of the rectification workflow. Numbers match the contract's <c>CaseAction</c>.</summary>
public enum CaseAction
{
    /// <summary>The case opened itself when the bad rating arrived.</summary>
    Open = 1,
    Verify = 2,
    FixNow = 3,
    Track = 4,
    CompleteFix = 5,
    Explain = 6,
    Reply = 7,
    /// <summary>The last call back; its result says whether the citizen is now satisfied.</summary>
    CallBack = 8,
    Appeal = 9,
    UpholdAppeal = 10,
    RejectAppeal = 11,
    /// <summary>Recorded by the system, once, when an open case runs past its deadline: it joins the supervisors' list.</summary>
    Escalate = 12,
}

/// <summary>How a case ended. Numbers match the contract's <c>CaseOutcome</c>.</summary>
public enum CaseOutcome
{
    None = 0,
    /// <summary>The citizen said at the last call back that the matter is settled.</summary>
    Resolved = 1,
    /// <summary>The citizen is still not satisfied; the case closes with that on record.</summary>
    Unresolved = 2,
    /// <summary>The appeal was upheld: the rating was mistaken or malicious and no longer counts.</summary>
    RatingVoided = 3,
}
