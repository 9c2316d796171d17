using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RetailSynth.Tests.Credentials;

/// <summary>
/// A stranger's "storage" endpoint: https on 127.0.0.1 with a self-signed certificate made here (its PEM in
/// <see cref="CertificateFile"/>, for a child process's <c>SSL_CERT_FILE</c>, so TLS succeeds and a token would really
/// arrive). It records every request with its Authorization header and answers 403.
/// </summary>
public sealed class TokenCatchingServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly TempFolder _folder = new();

    private TokenCatchingServer(X509Certificate2 certificate)
    {
        CertificateFile = _folder.File("stranger.pem");
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        _server = new LoopbackHttpServer(certificate, request =>
        {
            Requests.Enqueue(($"{request.Method} {request.Target}", request.Header("Authorization")));
            return (403, string.Empty);
        });
    }

    public int Port => _server.Port;

    /// <summary>The server's certificate as PEM: trusting it proves a refusal is not a TLS failure.</summary>
    public string CertificateFile { get; }

    /// <summary>"METHOD target" and the Authorization header (or null), one per request received.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    public IEnumerable<string> BearerTokens =>
        Requests.Select(r => r.Authorization).OfType<string>().Where(a => a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));

    public string Url(string path) => $"https://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public static TokenCatchingServer Start() => new(SelfSigned());

    /// <summary>A leaf for 127.0.0.1 and localhost, valid for a day, with its key (loaded from PKCS#12 so TLS can use it).</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}
