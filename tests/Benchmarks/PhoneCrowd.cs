using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Phones refreshing "places left", driven as wrk drives load: one thread, a keep-alive HTTP/1.1 connection per phone,
/// the request encoded once, readiness read with poll(2) for all phones at once. On the peak day the phones are
/// elsewhere; here they share the two cores with the platform. One async exchange per refresh (a timer for the pause,
/// a thread-pool wake for the answer) cost the load generator 46-56 µs a paced refresh, as much as the gateway's cached
/// answer, and the bookings beside it paid for that. Every answer is read whole and checked as <see cref="RestRead"/>
/// checks it: never more booked than capacity.
/// </summary>
internal sealed class PhoneCrowd(string name, Uri gateway) : IDisposable
{
    private static readonly long MaxWait = Stopwatch.Frequency / 100; // look at the stop signal every 10 ms
    private static readonly long GiveUpAfter = Stopwatch.Frequency * 30; // a refresh unanswered this long has failed
    private readonly List<PhoneConnection> _idle = [];
    private int _overbooked;

    public string Name => name;

    /// <summary>Slots seen with more booked than their capacity, over every refresh so far.</summary>
    public int Overbooked => _overbooked;

    /// <summary>
    /// <paramref name="phones"/> phones refresh one office's day until <paramref name="stop"/> completes, each at most
    /// once per <paramref name="every"/> (zero: again as soon as the answer is in), started at random points of the
    /// first period so they are not in lockstep. Refreshes under way when it stops are waited for and counted.
    /// </summary>
    public Task<Measured> RunAsync(int phones, string officeId, DateOnly date, Task stop, TimeSpan every) =>
        Task.Factory.StartNew(() => Run(phones, Request(officeId, date), stop, (long)(every.TotalSeconds * Stopwatch.Frequency)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private byte[] Request(string officeId, DateOnly date) => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"GET /api/marriage/v1/offices/{officeId}/availability?from_date={date:yyyy-MM-dd}&to_date={date:yyyy-MM-dd} HTTP/1.1\r\n" +
        $"Host: {gateway.Authority}\r\nAccept: application/json\r\n\r\n"));

    private Measured Run(int phones, byte[] request, Task stop, long period)
    {
        var clock = Stopwatch.StartNew();
        var crowd = new PhoneConnection?[phones];
        var due = new long[phones];
        var sentAt = new long[phones];
        var waiting = new bool[phones];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < phones; i++) due[i] = start + (period > 0 ? Random.Shared.NextInt64(period) : 0);
        var latencies = new List<double>();
        var answers = new List<Answer>();
        var ready = new List<Socket>(phones);
        var phoneOf = new Dictionary<Socket, int>(phones);
        var inFlight = 0;

        while (!stop.IsCompleted || inFlight > 0)
        {
            var now = Stopwatch.GetTimestamp();
            var next = now + MaxWait;
            for (var i = 0; i < phones && !stop.IsCompleted; i++)
            {
                if (waiting[i]) continue;
                if (due[i] > now)
                {
                    next = Math.Min(next, due[i]);
                    continue;
                }
                try
                {
                    var phone = crowd[i] ??= Take();
                    phoneOf[phone.Socket] = i;
                    phone.Send(request);
                    sentAt[i] = now;
                    waiting[i] = true;
                    inFlight++;
                }
                catch (SocketException e)
                {
                    Drop(crowd, i, phoneOf);
                    answers.Add(new Answer(Outcome.Failed, 0, Detail: e.Message));
                    latencies.Add(0);
                    due[i] = now + period;
                }
            }
            // poll(2) counts in milliseconds: a shorter wait would turn this loop into a spin.
            var waitMs = (int)Math.Clamp(((next - now) * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency, 1, 10);
            if (inFlight == 0)
            {
                Thread.Sleep(waitMs);
                continue;
            }
            ready.Clear();
            for (var i = 0; i < phones; i++)
            {
                if (!waiting[i]) continue;
                if (now - sentAt[i] < GiveUpAfter)
                {
                    ready.Add(crowd[i]!.Socket);
                    continue;
                }
                Drop(crowd, i, phoneOf);
                answers.Add(new Answer(Outcome.Failed, 0, Detail: "no answer in 30 s"));
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], now).TotalMilliseconds);
                waiting[i] = false;
                inFlight--;
                due[i] = now;
            }
            if (ready.Count == 0) continue;
            Socket.Select(ready, null, null, waitMs * 1000);
            foreach (var socket in ready)
            {
                var i = phoneOf[socket];
                var phone = crowd[i]!;
                Answer? answer;
                try
                {
                    if (!phone.Receive(out var response)) continue; // more of it to come
                    answer = RestRead.Judge(response.Status, response.Body.Span, ref _overbooked); // before its buffer is reused
                    if (!response.KeepAlive) Drop(crowd, i, phoneOf);
                }
                catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
                {
                    answer = new Answer(Outcome.Failed, 0, Detail: e.Message);
                    Drop(crowd, i, phoneOf);
                }
                var done = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], done).TotalMilliseconds);
                answers.Add(answer);
                waiting[i] = false;
                inFlight--;
                due[i] = Math.Max(sentAt[i] + period, done);
            }
        }
        lock (_idle)
            foreach (var phone in crowd)
                if (phone is not null) _idle.Add(phone);
        clock.Stop();
        return new Measured(clock.Elapsed.TotalSeconds, [.. latencies], [.. answers]);
    }

    private PhoneConnection Take()
    {
        lock (_idle)
        {
            if (_idle.Count > 0)
            {
                var last = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                return last;
            }
        }
        return PhoneConnection.Open(gateway);
    }

    private static void Drop(PhoneConnection?[] crowd, int i, Dictionary<Socket, int> phoneOf)
    {
        if (crowd[i] is not { } phone) return;
        phoneOf.Remove(phone.Socket);
        phone.Dispose();
        crowd[i] = null;
    }

    public void Dispose()
    {
        lock (_idle)
        {
            foreach (var phone in _idle) phone.Dispose();
            _idle.Clear();
        }
    }
}

/// <summary>One keep-alive HTTP/1.1 connection: a request out, one whole response (Content-Length or chunked) back,
/// read as it arrives.</summary>
internal sealed class PhoneConnection(Socket socket) : IDisposable
{
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _chunked = new byte[16 * 1024];
    private int _length;

    /// <summary>A response's status and body; the body lives in the connection's buffers until its next request.</summary>
    public readonly record struct Response(int Status, ReadOnlyMemory<byte> Body, bool KeepAlive);

    public Socket Socket => socket;

    public static PhoneConnection Open(Uri address)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(address.Host, address.Port);
        return new PhoneConnection(socket);
    }

    public void Send(byte[] request)
    {
        _length = 0;
        socket.Send(request, SocketFlags.None); // a few hundred bytes into an empty socket buffer: never waits
    }

    /// <summary>Reads what has arrived (the socket is readable, so this does not wait); true once the whole response
    /// is in.</summary>
    public bool Receive(out Response response)
    {
        if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var received = socket.Receive(_buffer, _length, _buffer.Length - _length, SocketFlags.None);
        if (received == 0) throw new IOException("the gateway closed the connection mid-answer");
        _length += received;
        return TryParse(out response);
    }

    private bool TryParse(out Response response)
    {
        response = default;
        var headerEnd = _buffer.AsSpan(0, _length).IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0) return false;
        var (status, contentLength, chunked, keepAlive) = Head(_buffer.AsSpan(0, headerEnd));
        var bodyStart = headerEnd + 4;
        if (!chunked)
        {
            if (contentLength < 0) throw new InvalidDataException("an answer with neither Content-Length nor chunked encoding");
            if (_length < bodyStart + contentLength) return false;
            response = new Response(status, _buffer.AsMemory(bodyStart, contentLength), keepAlive);
            return true;
        }
        // Chunked: "<size hex>\r\n<data>\r\n" ... "0\r\n\r\n", read again from the start until all of it is in.
        var body = 0;
        var at = bodyStart;
        while (true)
        {
            var lineEnd = _buffer.AsSpan(at, _length - at).IndexOf("\r\n"u8);
            if (lineEnd < 0) return false;
            var sizeText = Encoding.ASCII.GetString(_buffer, at, lineEnd).Split(';')[0];
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            if (_length < at + size + 2) return false;
            if (size == 0)
            {
                response = new Response(status, _chunked.AsMemory(0, body), keepAlive);
                return true;
            }
            if (body + size > _chunked.Length) Array.Resize(ref _chunked, Math.Max(_chunked.Length * 2, body + size));
            _buffer.AsSpan(at, size).CopyTo(_chunked.AsSpan(body));
            body += size;
            at += size + 2;
        }
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
