using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RetailSynth.Cli;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Cli;

/// <summary><c>retailsynth serve</c> through the real command tree.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_listens_on_the_given_url_answers_health_and_stops_cleanly_on_cancellation()
    {
        using var folder = new TempFolder();
        var port = FreePort();
        var (environment, error) = Environment(folder);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = CliApp.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--database", "serve.duckdb"], environment, cancellation.Token);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var healthy = false;
        for (var i = 0; i < 100 && !healthy && !run.IsCompleted; i++)
        {
            try
            {
                healthy = (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(healthy, error.ToString());
        Assert.True(File.Exists(folder.File("serve.duckdb")));
        await cancellation.CancelAsync();
        Assert.Equal(CliApp.ExitOk, await run);
        Assert.Contains($"at http://127.0.0.1:{port}/", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")] // a streaming pod of a dataset of two regions: region 1's file, region 1's partition of the sink
    public async Task Serve_with_stream_starts_a_session_into_the_configured_sink_while_answering_health(string? region)
    {
        using var folder = new TempFolder();
        var port = FreePort();
        var variables = new Dictionary<string, string?> { ["RETAILSYNTH__Streaming__File__Directory"] = folder.File("events") };
        ReducedWorld.ApplyTo(variables, extra: region is null ? null : new Dictionary<string, string?> { ["Regions"] = "2", ["DistributionCenters"] = "1" });
        var error = new StringWriter();
        var environment = CliEnvironment.Plain(new StringWriter(), error, variables, folder.Path);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        string[] regionArguments = region is null ? [] : ["--region", region];
        var run = CliApp.RunAsync(["serve", "--stream", "--urls", $"http://127.0.0.1:{port}", "--database", "serve.duckdb", .. regionArguments], environment, cancellation.Token);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var healthy = false;
        var streamed = false;
        for (var i = 0; i < 600 && !streamed && !run.IsCompleted; i++)
        {
            try
            {
                healthy |= (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
                using var status = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stream/status", UriKind.Relative)));
                streamed = status.RootElement.GetProperty("running").GetBoolean() && status.RootElement.GetProperty("events_sent").GetInt64() > 0;
            }
            catch (HttpRequestException)
            {
            }

            if (!streamed)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(healthy && streamed, error.ToString());
        Assert.NotEmpty(Directory.GetFiles(folder.File(region is null ? "events" : $"events/region={region}"), "events-*.ndjson"));
        Assert.Equal(region is not null, File.Exists(folder.File($"regions/region-00{region}.duckdb")));
        await cancellation.CancelAsync();
        Assert.Equal(CliApp.ExitOk, await run);
        Assert.Contains("Streaming to file", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_stream_ends_with_one_line_when_its_session_fails_so_an_orchestrator_restarts_it()
    {
        using var folder = new TempFolder();
        var variables = new Dictionary<string, string?> { ["RETAILSYNTH__Streaming__File__Directory"] = folder.File("events") };
        ReducedWorld.ApplyTo(variables);
        var error = new StringWriter();
        var environment = CliEnvironment.Plain(new StringWriter(), error, variables, folder.Path);
        Assert.Equal(CliApp.ExitOk, await CliApp.RunAsync(["generate", "dimensions", "--database", "serve.duckdb"], environment, CancellationToken.None));
        using (var database = RetailSynth.Storage.RetailDatabase.Open(folder.File("serve.duckdb")))
        {
            database.Execute("ALTER TABLE streaming_outbox ALTER body_length TYPE VARCHAR"); // every day's outbox append now fails
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exitCode = await CliApp.RunAsync(
            ["serve", "--stream", "--urls", $"http://127.0.0.1:{FreePort()}", "--database", "serve.duckdb"], environment, cancellation.Token);

        Assert.False(cancellation.IsCancellationRequested, "the server kept running after its session failed");
        Assert.Equal(CliApp.ExitFailed, exitCode);
        var line = Assert.Single(error.ToString().Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: The stream session failed: ", line);
        Assert.Contains("streaming_outbox", line);
    }

    [Fact]
    public async Task Serve_on_a_non_loopback_address_without_an_api_key_exits_with_one_line_naming_the_setting()
    {
        using var folder = new TempFolder();
        var (environment, error) = Environment(folder);

        var exit = await CliApp.RunAsync(["serve", "--urls", "http://0.0.0.0:0", "--database", "serve.duckdb"], environment, CancellationToken.None);

        Assert.Equal(CliApp.ExitFailed, exit);
        Assert.Contains("Server:ApiKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_exits_with_one_line_when_kestrel_configuration_binds_beyond_loopback_without_an_api_key()
    {
        using var folder = new TempFolder();
        using var process = StartServeProcess(folder, "http://127.0.0.1:0", new Dictionary<string, string?> { ["ASPNETCORE_Kestrel__Endpoints__e1__Url"] = "http://0.0.0.0:0" });
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"serve kept running on every interface without a key: {await error}");
        }

        var text = await error + await output;
        Assert.Equal(CliApp.ExitFailed, process.ExitCode);
        Assert.Single(text.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal) && line.Contains("Server:ApiKey", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_over_https_with_the_certificate_of_a_kestrel_endpoint_setting()
    {
        using var folder = new TempFolder();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(folder.File("cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(folder.File("key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        var port = FreePort();
        using var process = StartServeProcess(folder, $"http://127.0.0.1:{FreePort()}", new Dictionary<string, string?>
        {
            ["ASPNETCORE_Kestrel__Endpoints__Tls__Url"] = $"https://127.0.0.1:{port}",
            ["ASPNETCORE_Kestrel__Endpoints__Tls__Certificate__Path"] = folder.File("cert.pem"),
            ["ASPNETCORE_Kestrel__Endpoints__Tls__Certificate__KeyPath"] = folder.File("key.pem"),
        });
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            for (var i = 0; i < 150 && status is null && !process.HasExited; i++)
            {
                try
                {
                    status = (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"no HTTPS answer ({status}); serve exited: {process.HasExited}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.DoesNotContain("error:", await error + await output, StringComparison.Ordinal);
    }

    /// <summary>The real executable in its own process: ASPNETCORE_* variables reach Kestrel's configuration from there only.</summary>
    private static Process StartServeProcess(TempFolder folder, string urls, IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "retailsynth.dll"), "serve", "--urls", urls, "--database", "serve.duckdb"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var variables = new Dictionary<string, string?>(extraEnvironment);
        ReducedWorld.ApplyTo(variables);
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static (CliEnvironment Environment, StringWriter Error) Environment(TempFolder folder)
    {
        var variables = new Dictionary<string, string?>();
        ReducedWorld.ApplyTo(variables);
        var error = new StringWriter();
        return (CliEnvironment.Plain(new StringWriter(), error, variables, folder.Path), error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
