using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>What the day sent, per window and outcome, printed at the end so an operator can match the dashboard.</summary>
public sealed class Tally
{
    private readonly Dictionary<(Window Window, int Status), int> _counts = [];

    public int Requests { get; private set; }

    public void Count(Window window, int status)
    {
        Requests++;
        _counts[(window, status)] = _counts.GetValueOrDefault((window, status)) + 1;
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"{Requests} requests:");
        foreach (var window in _counts.Keys.Select(k => k.Window).Distinct().Order())
        {
            var byStatus = _counts.Where(c => c.Key.Window == window).OrderBy(c => c.Key.Status)
                .Select(c => $"{c.Key.Status}×{c.Value}");
            output.WriteLine($"  {window.Code(),-24} {string.Join("  ", byStatus)}");
        }
    }
}
