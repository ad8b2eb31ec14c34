namespace CivilAffairs.Feedback.Domain;

/// <summary>How many counted ratings of one level fell in one month ("YYYY-MM").</summary>
public sealed record MonthLevelCount(string Month, RatingLevel Level, int Count);

/// <summary>One month's satisfaction figures, for trends and monthly rankings.</summary>
public sealed record MonthFigures(string Month, SatisfactionFigures Figures);

/// <summary>How many counted ratings of one level one staff member received.</summary>
public sealed record StaffLevelCount(string StaffId, RatingLevel Level, int Count);

/// <summary>One staff member's satisfaction figures within a window's ranking.</summary>
public sealed record StaffFigures(string StaffId, SatisfactionFigures Figures);
