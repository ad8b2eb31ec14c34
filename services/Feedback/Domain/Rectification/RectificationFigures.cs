namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// How a window handled its rectification cases: opened, closed, closed by the deadline, and open past it. The
/// on-time rate is closed-on-time over the cases whose fate is known (closed, or open past the deadline); a case
/// still open and not yet due is not counted either way.
/// </summary>
public sealed record RectificationFigures(int Opened, int Closed, int ClosedOnTime, int Overdue)
{
    public static readonly RectificationFigures None = new(0, 0, 0, 0);

    public double OnTimeRate => Closed + Overdue == 0 ? 0 : (double)ClosedOnTime / (Closed + Overdue);
}
