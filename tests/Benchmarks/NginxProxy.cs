using CivilAffairs.TestSupport;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// The peer an operator would otherwise put in front of the services: Debian's nginx doing plain reverse proxying, REST
/// over keep-alive HTTP/1.1 upstream connections and gRPC over h2c (<c>grpc_pass</c>), to the same marriage process.
/// Installed with apt-get when missing; started here with a generated configuration on free loopback ports, as the
/// current user, in the foreground (no daemon), everything (configuration, pid, temp folders, logs) under a temporary
/// prefix that is deleted on dispose. It writes a buffered access log, as a plain nginx would; our gateway writes an
/// audit line per call.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    public string HttpUrl { get; } = FreePort.Url();
    public string GrpcUrl { get; } = FreePort.Url();
    public string Version { get; }

    private NginxProxy(string binary, string version, string marriageHttp, string marriageGrpc)
    {
        Version = version;
        _prefix = Directory.CreateTempSubdirectory("civilaffairs-nginx-").FullName;
        var configuration = Path.Combine(_prefix, "nginx.conf");
        File.WriteAllText(configuration, Configuration(_prefix, HostPort(HttpUrl), HostPort(GrpcUrl), HostPort(marriageHttp), HostPort(marriageGrpc)));
        var start = new ProcessStartInfo(binary, ["-p", _prefix + "/", "-c", configuration, "-e", Path.Combine(_prefix, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>nginx in front of marriage's REST and gRPC listeners, answering once it forwards a readiness probe.</summary>
    public static async Task<NginxProxy> StartAsync(string marriageHttp, string marriageGrpc)
    {
        var binary = await EnsureInstalledAsync();
        var version = (await RunAsync(binary, "-v")).Output.Trim();
        var proxy = new NginxProxy(binary, version, marriageHttp, marriageGrpc);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (proxy._process.HasExited)
                    throw new InvalidOperationException($"nginx exited with {proxy._process.ExitCode}: {proxy.ErrorLog}");
                try
                {
                    using var response = await client.GetAsync($"{proxy.HttpUrl}/health/ready");
                    if (response.IsSuccessStatusCode) return proxy;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException) { }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"nginx did not answer within 30 s: {proxy.ErrorLog}");
                await Task.Delay(100);
            }
        }
        catch
        {
            proxy.Dispose();
            throw;
        }
    }

    public string ErrorLog
    {
        get
        {
            var path = Path.Combine(_prefix, "error.log");
            try { return File.Exists(path) ? File.ReadAllText(path) : "(no error log)"; }
            catch (IOException) { return "(error log unreadable)"; }
        }
    }

    /// <summary>The nginx binary, installing Debian's package (apt-get) when there is none.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        string? Find() => new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        if (Find() is { } found) return found;

        Console.WriteLine("nginx is not installed: installing Debian's package with apt-get ...");
        var asRoot = Environment.UserName == "root";
        var apt = asRoot ? "apt-get" : "sudo";
        string[] Install() => asRoot
            ? ["install", "-y", "-qq", "--no-install-recommends", "nginx"]
            : ["-n", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"];
        var install = await RunAsync(apt, Install());
        if (install.ExitCode != 0)
        {
            await RunAsync(apt, asRoot ? ["update", "-qq"] : ["-n", "apt-get", "update", "-qq"]);
            install = await RunAsync(apt, Install());
        }
        return Find() ?? throw new InvalidOperationException(
            $"nginx could not be installed (apt-get exited {install.ExitCode}): {install.Output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string HostPort(string url) => new Uri(url).Authority;

    /// <summary>
    /// Plain reverse proxying, tuned as an operator would for this load: a worker per core, upstream keep-alive for
    /// both protocols, no per-connection request limit (nginx closes a keep-alive connection after 1000 requests by
    /// default), the access log buffered.
    /// </summary>
    internal static string Configuration(string prefix, string listenRest, string listenGrpc, string marriageRest, string marriageGrpc)
    {
        // As root, nginx would hand its workers to "nobody", who cannot write under a temporary prefix of root's.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {{user}}
            worker_processes auto;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events {
                worker_connections 8192;
            }
            http {
                access_log {{prefix}}/access.log combined buffer=64k flush=1s;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                keepalive_requests 10000000;
                keepalive_timeout 300s;
                client_max_body_size 1m;

                upstream marriage_rest {
                    server {{marriageRest}};
                    keepalive 512;
                    keepalive_requests 10000000;
                }
                upstream marriage_grpc {
                    server {{marriageGrpc}};
                    keepalive 512;
                    keepalive_requests 10000000;
                }
                server {
                    listen {{listenRest}};
                    location / {
                        proxy_pass http://marriage_rest;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                    }
                }
                server {
                    listen {{listenGrpc}} http2;
                    http2_max_concurrent_streams 512;
                    location / {
                        grpc_pass grpc://marriage_grpc;
                        grpc_set_header X-Forwarded-For $remote_addr;
                    }
                }
            }
            """);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_prefix, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
