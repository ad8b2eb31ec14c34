using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// The partner's side of the gateway: every request names its window (<c>X-Window-Type</c>), is counted, paced, and
/// bounded (<see cref="MaxRequests"/>): the day ends by itself even if a scene loops on refusals.
/// </summary>
public sealed class Counter(HttpClient gateway, Options options, Tally tally, TextWriter log)
{
    public const int MaxRequests = 600;

    /// <summary>Sends one request; returns the JSON answer when it succeeded, otherwise null (refusals are part of the day).</summary>
    /// <param name="windowHeader">what to send as X-Window-Type instead of the window's code (a partner's mistake)</param>
    public async Task<JsonElement?> SendAsync(Window window, string what, HttpMethod method, string path, object? body = null,
        string? windowHeader = null)
    {
        if (tally.Requests >= MaxRequests) throw new DayIsOver();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (windowHeader is not null || window.IsDefined())
            request.Headers.TryAddWithoutValidation("X-Window-Type", windowHeader ?? window.Code());
        using var response = await gateway.SendAsync(request);
        var status = (int)response.StatusCode;
        tally.Count(window, status);
        log.WriteLine($"{status} {window.Code(),-22} {what}");
        await Task.Delay(options.Pace);
        if (!response.IsSuccessStatusCode) return null;
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement?> PostAsync(Window window, string what, string path, object body) =>
        SendAsync(window, what, HttpMethod.Post, path, body);

    public Task<JsonElement?> GetAsync(Window window, string what, string path) =>
        SendAsync(window, what, HttpMethod.Get, path);
}

/// <summary>The request budget is spent.</summary>
public sealed class DayIsOver : Exception;
