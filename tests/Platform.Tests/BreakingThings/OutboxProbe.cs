using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>What the breaking-things tests read from the running services: a producer's outbox and feedback's invitations.</summary>
internal static class OutboxProbe
{
    /// <summary>The producer's <c>GET /ops/outbox</c>: backlog, age of the oldest event, dead letters.</summary>
    public static async Task<JsonElement> OutboxAsync(this HttpClient http, string serviceHttp) =>
        await http.GetFromJsonAsync<JsonElement>($"{serviceHttp}/ops/outbox");

    /// <summary>Polls the producer's outbox until its backlog is empty or the time is up; returns the last state seen.</summary>
    public static async Task<JsonElement> WaitForEmptyOutboxAsync(this HttpClient http, string serviceHttp, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var state = await http.OutboxAsync(serviceHttp);
        while (state.GetProperty("backlog").GetInt32() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            state = await http.OutboxAsync(serviceHttp);
        }
        return state;
    }

    /// <summary>Polls the producer's outbox until exactly <paramref name="backlog"/> messages wait (the others delivered).</summary>
    public static async Task<JsonElement> WaitForBacklogAsync(this HttpClient http, string serviceManagement, int backlog, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var state = await http.OutboxAsync(serviceManagement);
        while (state.GetProperty("backlog").GetInt32() != backlog && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            state = await http.OutboxAsync(serviceManagement);
        }
        return state;
    }

    /// <summary>What feedback really stored, read from its own SQLite file.</summary>
    public static async Task<List<string>> InvitationReferencesAsync(string feedbackDatabase)
    {
        await using var connection = new SqliteConnection($"Data Source={feedbackDatabase};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT f_serviceReference FROM doc_invitations";
        await using var reader = await command.ExecuteReaderAsync();
        var references = new List<string>();
        while (await reader.ReadAsync()) references.Add(reader.GetString(0));
        return references;
    }
}
