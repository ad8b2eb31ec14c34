namespace CivilAffairs.HealthProbe;

/// <summary>One GET: 0 when the answer is 2xx, 1 when it is not, the connection fails or no answer comes in time.</summary>
public static class Probe
{
    public static async Task<int> RunAsync(string url, TimeSpan timeout)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync("usage: CivilAffairs.HealthProbe <http url>, e.g. http://127.0.0.1:5101/health/live");
            return 2;
        }
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(address);
            if (response.IsSuccessStatusCode) return 0;
            await Console.Error.WriteLineAsync($"{address}: {(int)response.StatusCode}");
            return 1;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{address}: {failure.Message}");
            return 1;
        }
    }
}
