using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CivilAffairs.Gateway.Contracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// Every REST route and every gRPC method of the four services, sent what a careless or hostile partner might send,
/// through the gateway: never a 5xx, a write is always refused with a plain message (4xx, or a gRPC error other than
/// UNKNOWN), and the services keep serving.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileInputTests(RunningPlatform platform)
{
    private static readonly ContractCatalog Contracts = new();

    public static TheoryData<string> Rpcs() => new(Contracts.Methods.Select(m => m.GrpcPath));

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Every_rest_route_refuses_hostile_input_plainly(string rpc)
    {
        var method = Contracts.Methods.Single(m => m.GrpcPath == rpc);
        if (method.Rest is null) return;
        var failures = new List<string>();

        foreach (var (name, path, body) in HostileRequests(method))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.Rest.Verb), path);
            if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var response = await platform.Gateway.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{name}: {status} {Truncate(text)}");
            // A read may answer an empty view of a key it does not know: nothing is written. A write must refuse.
            else if (status < 400 && method.Rest.Verb != "GET") failures.Add($"{name}: accepted with {status} {Truncate(text)}");
            // Kestrel refuses a malformed request line (a NUL, an over-long URL) before any app code, without a body.
            else if (status >= 400 && text.Length == 0 && !(name.StartsWith("path:") && status is 400 or 414 or 431))
                failures.Add($"{name}: {status} with an empty body");
        }

        Assert.True(failures.Count == 0, $"{method.Rest.Verb} {method.Rest.Template}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        await AssertStillServingAsync();
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Every_grpc_method_refuses_truncated_and_oversized_messages(string rpc)
    {
        var method = Contracts.Methods.Single(m => m.GrpcPath == rpc);
        using var channel = platform.GatewayGrpc();
        var bytes = Marshallers.Create(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Method.Service.FullName, method.Method.Name, bytes, bytes);
        // Field 1, length-delimited, announcing 50 bytes and carrying 3; then 2 MB of a string field.
        byte[] truncated = [0x0A, 50, 0x61, 0x62, 0x63];
        var oversized = new byte[2 * 1024 * 1024 + 8];
        oversized[0] = 0x0A;
        new byte[] { 0x80, 0x80, 0x80, 0x01 }.CopyTo(oversized, 1);

        foreach (var (name, message) in new[] { ("truncated", truncated), ("oversized", oversized) })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), message).ResponseAsync);
            Assert.True(refused.StatusCode is not (StatusCode.OK or StatusCode.Unknown or StatusCode.Unavailable or StatusCode.DeadlineExceeded),
                $"{rpc} {name}: {refused.StatusCode} {refused.Status.Detail}");
            Assert.False(string.IsNullOrWhiteSpace(refused.Status.Detail), $"{rpc} {name}: no message");
        }
        await AssertStillServingAsync();
    }

    /// <summary>
    /// Every gRPC method, walked from its descriptor, sent boundary values in every field (nested messages too): int64
    /// extremes, negative and huge counts and page sizes, dates 0001-01-01 and 9999-12-31, empty and 1 MB strings,
    /// control characters, wrong enum numbers. No server error, and a refused call writes nothing: the service's store
    /// counts the batches each RPC committed (<c>civilaffairs.store.batches</c>), read before and after.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Every_grpc_method_refuses_boundary_values_without_a_server_error_and_writes_nothing_when_refused(string rpc)
    {
        var method = Contracts.Methods.Single(m => m.GrpcPath == rpc);
        using var channel = platform.GatewayGrpc();
        var bytes = Marshallers.Create(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Method.Service.FullName, method.Method.Name, bytes, bytes);
        var management = platform.Apps.Single(a => a.Name == AssemblyOf(method.Method.Service)).ManagementUrl;
        var failures = new List<string>();
        foreach (var (name, message) in BoundaryValues.Messages(method.Method.InputType))
        {
            var before = await BatchesAsync(management, rpc);
            StatusCode status;
            string detail;
            try
            {
                await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), message).ResponseAsync;
                (status, detail) = (StatusCode.OK, "");
            }
            catch (RpcException error)
            {
                (status, detail) = (error.StatusCode, error.Status.Detail);
            }
            if (status is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                failures.Add($"{name}: {status} {Truncate(detail)}");
            else if (status != StatusCode.OK && await BatchesAsync(management, rpc) != before)
                failures.Add($"{name}: refused ({status} {Truncate(detail)}) but wrote to the store");
        }
        Assert.True(failures.Count == 0, $"{rpc}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        await AssertStillServingAsync();
    }

    private static string AssemblyOf(ServiceDescriptor service) => service.File.Package switch
    {
        "civilaffairs.marriage.v1" => "CivilAffairs.Marriage",
        "civilaffairs.socialassistance.v1" => "CivilAffairs.SocialAssistance",
        "civilaffairs.staffconduct.v1" => "CivilAffairs.StaffConduct",
        "civilaffairs.feedback.v1" => "CivilAffairs.Feedback",
        var other => throw new InvalidOperationException($"no service for {other}"),
    };

    /// <summary>The batches <paramref name="rpc"/> has committed so far, from the service's Prometheus scrape.</summary>
    private static async Task<double> BatchesAsync(string management, string rpc)
    {
        using var client = new HttpClient();
        return BoundaryValues.StoreBatches(await client.GetStringAsync($"{management}/metrics"), rpc);
    }

    /// <summary>The hostile variants of one route: malformed, mistyped, unknown and operator-shaped fields, huge and
    /// deep bodies, control characters, invalid ID numbers, impossible dates, and hostile path segments.</summary>
    private static IEnumerable<(string Name, string Path, byte[]? Body)> HostileRequests(ContractMethod method)
    {
        var rest = method.Rest!;
        var fields = method.Method.InputType.Fields.InFieldNumberOrder();
        string PathWith(string value) => rest.PathParameters.Aggregate(rest.Template, (p, n) => p.Replace($"{{{n}}}", Uri.EscapeDataString(value)));
        var path = PathWith("x1");

        foreach (var (name, value) in new[]
                 {
                     ("path: operator", "{\"$gt\":\"\"}"), ("path: traversal", "../../etc/passwd"), ("path: control", "\u0000\u001b[2J"),
                     ("path: long", new string('z', 5000)), ("path: invalid id number", "110101199001011234"),
                 })
        {
            if (rest.PathParameters.Count > 0) yield return (name, PathWith(value), rest.Body == "*" ? "{}"u8.ToArray() : null);
        }
        if (rest.Body != "*")
        {
            var query = string.Join("&", fields.Where(f => f.FieldType != FieldType.Message && !rest.PathParameters.Contains(f.Name))
                .Select(f => $"{f.Name}={Uri.EscapeDataString("{\"$gt\":\"\"}\u0000")}"));
            if (query.Length > 0) yield return ("query: operators", $"{path}?{query}", null);
            yield break;
        }

        yield return ("malformed JSON", path, "{\"a\": [1, 2,"u8.ToArray());
        yield return ("not an object", path, "[1, 2, 3]"u8.ToArray());
        yield return ("unknown field", path, "{\"no_such_field\": 1}"u8.ToArray());
        yield return ("operators", path, Body(fields, _ => JsonNode.Parse("{\"$gt\": \"\"}")));
        yield return ("wrong types", path, Body(fields, f => f.FieldType is FieldType.String or FieldType.Enum ? JsonValue.Create(true) : JsonValue.Create("not-a-number")));
        yield return ("control characters", path, Body(fields, f => f.FieldType == FieldType.String ? JsonValue.Create("\u0000\u0007\u001b[31m\u202e") : null));
        yield return ("unpaired surrogates", path, Body(fields, f => f.FieldType == FieldType.String ? JsonValue.Create("张\ud800三\udc00") : null));
        yield return ("invalid ID numbers and dates", path, Body(fields, f => f.FieldType != FieldType.String ? null
            : f.Name.Contains("id_number") ? JsonValue.Create("110101199001011234")
            : f.Name.Contains("date") ? JsonValue.Create("2026-02-30")
            : null));
        yield return ("dates out of range", path, Body(fields, f => f.FieldType == FieldType.String && f.Name.Contains("date") ? JsonValue.Create("99999-01-01") : null));
        yield return ("deep nesting", path, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return ("huge body", path, Encoding.UTF8.GetBytes($"{{\"x\":\"{new string('h', 2_000_000)}\"}}"));
    }

    private static byte[] Body(IEnumerable<FieldDescriptor> fields, Func<FieldDescriptor, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var field in fields)
            if (value(field) is { } node) body[field.Name] = node;
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private async Task AssertStillServingAsync()
    {
        using var probe = new HttpClient();
        foreach (var (service, url) in platform.ServiceUrls)
        {
            using var ready = await probe.GetAsync($"{url}/health/ready");
            Assert.True(ready.IsSuccessStatusCode, $"{service} stopped serving:{Environment.NewLine}{platform.Output}");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
