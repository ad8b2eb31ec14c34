using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using CivilAffairs.Gateway.Tests;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Platform.Tests.Otlp;

/// <summary>
/// A real OTLP/HTTP endpoint on a free port, standing in for the collector: it decodes every trace export
/// (<c>POST /v1/traces</c>, <c>application/x-protobuf</c>) and keeps the spans with their service's name; metric and log
/// exports (<c>/v1/metrics</c>, <c>/v1/logs</c>) are kept as their text, to search for what must never be exported.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<string> _exports = new();
    private readonly ConcurrentQueue<string> _metricExports = new();
    private readonly ConcurrentQueue<string> _logExports = new();

    public string Endpoint { get; }

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        // Only the port above: the apps' appsettings.json copied next to this test would add their Kestrel endpoints.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/traces", ReceiveTracesAsync);
        _app.MapPost("/v1/metrics", request => KeepTextAsync(request, _metricExports));
        _app.MapPost("/v1/logs", request => KeepTextAsync(request, _logExports));
    }

    public Task StartAsync() => _app.StartAsync();

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    /// <summary>Every trace export received, as protobuf JSON: everything the services exported, to search.</summary>
    public IReadOnlyList<string> Exports => _exports.ToArray();

    /// <summary>Every metric export received, as text (protobuf strings are UTF-8: labels and names read as written).</summary>
    public IReadOnlyList<string> MetricExports => _metricExports.ToArray();

    /// <summary>Every log export received, as text.</summary>
    public IReadOnlyList<string> LogExports => _logExports.ToArray();

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        if (await ReadProtobufAsync(request) is not { } body)
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body);

        _exports.Enqueue(JsonFormatter.Default.Format(export));
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans))
                _spans.Enqueue(new ReceivedSpan(service, span));
        }
        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
    }

    // An empty export response is an empty protobuf message, whatever the signal.
    private static async Task KeepTextAsync(HttpContext context, ConcurrentQueue<string> exports)
    {
        if (await ReadProtobufAsync(context.Request) is not { } body)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        exports.Enqueue(Encoding.UTF8.GetString(body));
        context.Response.ContentType = "application/x-protobuf";
    }

    private static async Task<byte[]?> ReadProtobufAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true) return null;
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
            body = new GZipStream(body, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedSpan(string Service, Span Span)
{
    public string TraceId => Convert.ToHexStringLower(Span.TraceId.Span);

    public string? Attribute(string key) =>
        Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value.StringValue;

    public override string ToString() => $"{Service}: {Span.Name} ({Span.Kind})";
}
