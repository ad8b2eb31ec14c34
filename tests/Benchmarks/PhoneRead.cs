using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Phones refreshing "places left" as lean HTTP/1.1 clients, as wrk sends load: each call on a keep-alive connection of
/// its own, the request encoded once per office and day. On the peak day the phones are elsewhere; here they share the
/// two cores with the platform, and through HttpClient a poll cost the load generator about as much CPU as the
/// gateway's cached answer (35-45 µs), which the bookings beside it paid for. Every answer is read whole and checked as
/// <see cref="RestRead"/> checks it: never more booked than capacity.
/// </summary>
internal sealed class PhoneRead(string name, Uri gateway) : IReadChannel
{
    private readonly ConcurrentBag<PhoneConnection> _idle = [];
    private readonly ConcurrentDictionary<(string Office, DateOnly Date), byte[]> _requests = new();
    private int _overbooked;

    public string Name => name;
    public int Overbooked => _overbooked;

    public async Task<Answer> ReadAsync(string officeId, DateOnly date)
    {
        var request = _requests.GetOrAdd((officeId, date), key => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"GET /api/marriage/v1/offices/{key.Office}/availability?from_date={key.Date:yyyy-MM-dd}&to_date={key.Date:yyyy-MM-dd} HTTP/1.1\r\n" +
            $"Host: {gateway.Authority}\r\nAccept: application/json\r\n\r\n")));
        if (!_idle.TryTake(out var connection)) connection = await PhoneConnection.OpenAsync(gateway);
        PhoneConnection.Response response;
        try
        {
            response = await connection.ExchangeAsync(request);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
        {
            connection.Dispose();
            return new Answer(Outcome.Failed, 0, Detail: e.Message);
        }
        var answer = RestRead.Judge(response.Status, response.Body.Span, ref _overbooked); // before the body's buffer is reused
        if (response.KeepAlive) _idle.Add(connection);
        else connection.Dispose();
        return answer;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}

/// <summary>One keep-alive HTTP/1.1 connection: a request out, one whole response (Content-Length or chunked) back.</summary>
internal sealed class PhoneConnection(Socket socket) : IDisposable
{
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _chunked = new byte[16 * 1024];

    /// <summary>A response's status and body; the body lives in the connection's buffer until its next exchange.</summary>
    public readonly record struct Response(int Status, ReadOnlyMemory<byte> Body, bool KeepAlive);

    public static async Task<PhoneConnection> OpenAsync(Uri address)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(address.Host, address.Port);
        return new PhoneConnection(socket);
    }

    public async Task<Response> ExchangeAsync(byte[] request)
    {
        await socket.SendAsync(request, SocketFlags.None);
        var length = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0) length = await ReceiveAsync(length);
        var (status, contentLength, chunked, keepAlive) = Head(_buffer.AsSpan(0, headerEnd));
        var bodyStart = headerEnd + 4;
        if (!chunked)
        {
            if (contentLength < 0) throw new InvalidDataException("an answer with neither Content-Length nor chunked encoding");
            while (length < bodyStart + contentLength) length = await ReceiveAsync(length);
            return new Response(status, _buffer.AsMemory(bodyStart, contentLength), keepAlive);
        }
        // Chunked: "<size hex>\r\n<data>\r\n" ... "0\r\n\r\n".
        var body = 0;
        var at = bodyStart;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(at, length - at).IndexOf("\r\n"u8)) < 0) length = await ReceiveAsync(length);
            var sizeText = Encoding.ASCII.GetString(_buffer, at, lineEnd).Split(';')[0];
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            while (length < at + size + 2) length = await ReceiveAsync(length);
            if (size == 0) return new Response(status, _chunked.AsMemory(0, body), keepAlive);
            if (body + size > _chunked.Length) Array.Resize(ref _chunked, Math.Max(_chunked.Length * 2, body + size));
            _buffer.AsSpan(at, size).CopyTo(_chunked.AsSpan(body));
            body += size;
            at += size + 2;
        }
    }

    private async Task<int> ReceiveAsync(int length)
    {
        if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var received = await socket.ReceiveAsync(_buffer.AsMemory(length), SocketFlags.None);
        if (received == 0) throw new IOException("the gateway closed the connection mid-answer");
        return length + received;
    }

    private static (int Status, int ContentLength, bool Chunked, bool KeepAlive) Head(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1.1 "u8)) throw new InvalidDataException("not an HTTP/1.1 answer");
        var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        int contentLength = -1;
        bool chunked = false, keepAlive = true;
        var lines = head[(head.IndexOf("\r\n"u8) + 2)..];
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf("\r\n"u8);
            var line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? [] : lines[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0) continue;
            var headerName = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(headerName, "Content-Length"u8))
                contentLength = int.Parse(value, CultureInfo.InvariantCulture);
            else if (Ascii.EqualsIgnoreCase(headerName, "Transfer-Encoding"u8))
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            else if (Ascii.EqualsIgnoreCase(headerName, "Connection"u8))
                keepAlive = !Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        return (status, contentLength, chunked, keepAlive);
    }

    public void Dispose() => socket.Dispose();
}
