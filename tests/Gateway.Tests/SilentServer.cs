using System.Net;
using System.Net.Sockets;

namespace CivilAffairs.Gateway.Tests;

/// <summary>A service that accepts connections and never answers: what a hung backend looks like to the gateway.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted) _accepted.Add(socket);
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted) foreach (var socket in _accepted) socket.Dispose();
    }
}
