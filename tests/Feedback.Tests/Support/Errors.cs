using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Assertions on refusals as a caller sees them, over gRPC and over REST.</summary>
public static class Errors
{
    public static async Task<RpcException> RefusedAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    public static IReadOnlyList<string> Fields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static string? Rule(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Type;

    /// <summary>Asserts the HTTP status and returns the field names the JSON error body lists.</summary>
    public static async Task<IReadOnlyList<string>> RefusedAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var fields = new List<string>();
        if (json.RootElement.TryGetProperty("details", out var details))
            foreach (var detail in details.EnumerateArray())
                if (detail.TryGetProperty("fieldViolations", out var violations))
                    fields.AddRange(violations.EnumerateArray().Select(v => v.GetProperty("field").GetString()!));
        return fields;
    }
}
