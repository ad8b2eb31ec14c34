using System.Net;
using System.Net.Sockets;

namespace CivilAffairs.TestSupport;

/// <summary>
/// A TCP port on 127.0.0.1 that nothing listens on right now, for a process the test starts. It is chosen below the
/// kernel's ephemeral range: outbound connections take their local ports from that range, and one could take a port
/// picked there between this check and the moment the child process binds it.
/// </summary>
public static class FreePort
{
    private const int Lowest = 20_000;

    public static int Next()
    {
        var highest = EphemeralRangeStart() - 1;
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest);
            if (IsFree(port)) return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Url() => $"http://127.0.0.1:{Next()}";

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (int.TryParse(range[0], out var start) && start > Lowest + 1000) return start;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 32_768;
    }
}
