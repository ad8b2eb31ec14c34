using CivilAffairs.TestSupport;
using System.IO.Compression;
using System.Net;
using CivilAffairs.Platform.Tests.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// The collector of the traced run: an OTLP/HTTP endpoint on a free loopback port that decodes every trace export
/// and counts its spans (kept no further: the benchmark measures the services' cost of tracing, not a store's).
/// </summary>
public sealed class SpanSink : IAsyncDisposable
{
    private static readonly byte[] Accepted = new ExportTraceServiceResponse().ToByteArray();
    private readonly WebApplication _app;
    private long _spans;
    private long _exports;

    public string Endpoint { get; }
    public long Spans => Interlocked.Read(ref _spans);
    public long Exports => Interlocked.Read(ref _exports);

    public SpanSink()
    {
        var port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // not the apps' appsettings.json copied next to this program
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/traces", ReceiveAsync);
        _app.MapPost("/v1/metrics", () => Results.Ok());
        _app.MapPost("/v1/logs", () => Results.Ok());
    }

    public Task StartAsync() => _app.StartAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
            body = new GZipStream(body, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(buffer.ToArray());
        Interlocked.Add(ref _spans, export.ResourceSpans.SelectMany(r => r.ScopeSpans).Sum(s => s.Spans.Count));
        Interlocked.Increment(ref _exports);
        return Results.Bytes(Accepted, "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
