namespace CivilAffairs.TestSupport;

/// <summary>
/// Waits for what a background task does, bounded by time rather than by a count of tries: on a busy CI machine a
/// hundred short tries can all come too early.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>True once <paramref name="condition"/> holds; false if it still does not after <see cref="Patience"/>.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public static Task<bool> TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));
}
