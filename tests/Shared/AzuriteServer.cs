using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RetailSynth.Tests;

/// <summary>
/// A real Azurite blob service on 127.0.0.1 and a free port, with its data in a temporary folder; killed on dispose.
/// The binary comes from .tools/azurite (scripts/deps/azurite.sh) or PATH.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public, documented in its README).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // A property, not a field: disposed in DisposeAsync (xunit's fixture lifetime).
    private TempFolder Workspace { get; } = new();
    private Process? _process;

    public int Port { get; private set; }

    public string BlobEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public string ConnectionString => ConnectionStringWith(AccountKey);

    public string ConnectionStringWith(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={key};BlobEndpoint={BlobEndpoint};";

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var start = new ProcessStartInfo(Binary(), ["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", Workspace.Path, "--skipApiVersionCheck", "--silent", "--disableTelemetry"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("azurite-blob did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"azurite-blob exited with code {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"azurite-blob did not listen on port {Port} within 20 s");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Workspace.Dispose();
    }

    /// <summary>A port nobody listens on right now (bound, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Binary()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var local = Path.Combine(folder.FullName, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(local))
            {
                return local;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "azurite-blob");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("azurite-blob not found in .tools/azurite or on PATH; run scripts/deps/azurite.sh");
    }
}
