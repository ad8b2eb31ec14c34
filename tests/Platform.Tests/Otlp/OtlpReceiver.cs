using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
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
/// exports are accepted and dropped.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<string> _exports = new();

    public string Endpoint { get; }

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        // The test's output folder holds the apps' appsettings.json (with their Kestrel ports): this host reads none of it.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/traces", ReceiveTracesAsync);
        _app.MapPost("/v1/metrics", () => Results.Ok());
        _app.MapPost("/v1/logs", () => Results.Ok());
    }

    public Task StartAsync() => _app.StartAsync();

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    /// <summary>Every trace export received, as protobuf JSON: everything the services exported, to search.</summary>
    public IReadOnlyList<string> Exports => _exports.ToArray();

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
            body = new GZipStream(body, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(buffer.ToArray());

        _exports.Enqueue(JsonFormatter.Default.Format(export));
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans))
                _spans.Enqueue(new ReceivedSpan(service, span));
        }
        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
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
