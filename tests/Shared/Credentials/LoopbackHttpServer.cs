using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RetailSynth.Tests.Credentials;

/// <summary>One HTTP/1.1 request as received: method, path and query, headers (names lowercased).</summary>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, over TLS when given a certificate: one request per
/// connection, answered by a handler with a status and a JSON (or empty) body. Small enough to need no web framework in
/// the test projects; stopped on dispose.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2? _certificate;
    private readonly Func<ReceivedRequest, (int Status, string Body)> _handler;
    private readonly Task _accepting;

    public LoopbackHttpServer(X509Certificate2? certificate, Func<ReceivedRequest, (int Status, string Body)> handler)
    {
        _certificate = certificate;
        _handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                stream = tls;
            }

            await using (stream)
            {
                var request = await ReadHeadAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                var (status, body) = _handler(request);
                var bytes = Encoding.UTF8.GetBytes(body);
                var type = bytes.Length == 0 ? string.Empty : "Content-Type: application/json\r\n";
                var head = $"HTTP/1.1 {status} {(status < 400 ? "OK" : "Refused")}\r\n{type}Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // A client that gave up (or distrusted the certificate) ends its connection; nothing to answer.
        }
    }

    /// <summary>The request line and headers; the body, if any, is left unread (the answer closes the connection).</summary>
    private static async Task<ReceivedRequest?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0 || head.Length > 64 * 1024)
            {
                return null;
            }

            head.Append((char)buffer[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
        return new ReceivedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
        _certificate?.Dispose();
    }
}
