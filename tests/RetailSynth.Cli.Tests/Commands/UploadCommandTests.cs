using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using RetailSynth.Tests;
using RetailSynth.Tests.Credentials;

namespace RetailSynth.Cli.Tests.Commands;

public class UploadCommandTests(UploadCommandTests.Fixture fixture) : IClassFixture<UploadCommandTests.Fixture>
{
    private const string AccountKey = AzuriteServer.AccountKey;

    /// <summary>
    /// Azurite on a free port (killed at the end) and a reduced dataset of three days exported through the CLI to
    /// data/export.
    /// </summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly AzuriteServer _azurite = new();

        public CliRunner Cli { get; } = new();

        public int Port => _azurite.Port;

        public string Endpoint => _azurite.BlobEndpoint;

        public string ConnectionString(string key = AccountKey, int? port = null) =>
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{port ?? Port}/devstoreaccount1;";

        public async Task InitializeAsync()
        {
            await _azurite.InitializeAsync();
            ReducedWorld.ApplyTo(Cli.Environment, "2024-01-30");
            Assert.Equal(0, (await Cli.RunAsync("generate", "dimensions")).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync("generate", "facts", "--days", "3")).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync("export")).ExitCode);
        }

        public async Task DisposeAsync()
        {
            await _azurite.DisposeAsync();
            Cli.Dispose();
        }

        public static int FreePort() => AzuriteServer.FreePort();
    }

    private CliRunner Cli => fixture.Cli;

    private static string NewContainer() => $"c{Guid.NewGuid():N}";

    private static int ExportFiles(string folder) =>
        Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories).Length;

    private async Task<CliResult> RunAsync(string? connectionString, params string[] args)
    {
        using var runner = new CliRunner();
        foreach (var (key, value) in Cli.Environment)
        {
            runner.Environment[key] = value;
        }

        runner.Environment["RETAILSYNTH__Upload__ConnectionString"] = connectionString;
        runner.Environment["RETAILSYNTH__Upload__MaxRetries"] = "1";

        // Runs in the dataset's folder: data/export and data/retail.duckdb are there.
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, CliEnvironment.Plain(output, error, runner.Environment, Cli.WorkingDirectory), CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Upload_sends_the_export_with_a_line_per_file_then_a_rerun_skips_every_file()
    {
        var container = NewContainer();
        var files = ExportFiles(Cli.File("data/export"));

        var first = await RunAsync(fixture.ConnectionString(), "upload", "--create-container", $"{container}/history");
        var second = await RunAsync(fixture.ConnectionString(), "upload", $"{container}/history");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{files} uploaded, 0 skipped (unchanged), 0 failed of {files} files;", first.Output);
        Assert.Contains($"target: {fixture.Endpoint}/{container}/history", first.Output);
        Assert.Contains("uploaded dim_stores/dim_stores.parquet (", first.Error);
        Assert.Contains($"{files}/{files} files", first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"0 uploaded, {files} skipped (unchanged), 0 failed of {files} files;", second.Output);
        Assert.Contains("skipped fact_receipts/fact_receipts_2024-02.parquet (unchanged)", second.Error);
        var blobs = new List<string>();
        await foreach (var blob in new BlobContainerClient(fixture.ConnectionString(), container).GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(files, blobs.Count);
        Assert.Contains("history/fact_receipts/fact_receipts_2024-01.parquet", blobs);
    }

    [Fact]
    public async Task Export_with_upload_exports_then_uploads_the_output_folder()
    {
        var container = NewContainer();

        var result = await RunAsync(fixture.ConnectionString(), "export", "--tables", "dim_stores,fact_receipts", "--out", "lake", "--upload", container, "--create-container");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 uploaded, 0 skipped (unchanged), 0 failed of 3 files;", result.Output);
        Assert.Contains($"target: {fixture.Endpoint}/{container}", result.Output);
    }

    [Fact]
    public async Task Failed_files_are_listed_after_the_summary_then_one_error_line_says_to_rerun_and_the_signature_is_not_printed()
    {
        var client = new BlobContainerClient(fixture.ConnectionString(), NewContainer());
        await client.CreateAsync();
        var sas = client.GenerateSasUri(Azure.Storage.Sas.BlobContainerSasPermissions.Read | Azure.Storage.Sas.BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));
        var files = ExportFiles(Cli.File("data/export"));

        var result = await RunAsync(null, "upload", sas.ToString());

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains($"0 uploaded, 0 skipped (unchanged), {files} failed of {files} files;", result.Output);
        Assert.Contains("failed: dim_stores/dim_stores.parquet: Permission denied on ", result.Output);
        Assert.StartsWith($"error: {files} of {files} files failed to upload (first: ", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.EndsWith("rerun the same command to send them, finished files are skipped.", result.SingleErrorLine.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(new Azure.Storage.Blobs.BlobUriBuilder(sas).Sas.Signature, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_container_is_one_error_line_offering_create_container()
    {
        var container = NewContainer();

        var result = await RunAsync(fixture.ConnectionString(), "upload", container);

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Equal($"error: The container of {fixture.Endpoint}/{container} does not exist; create it or rerun with --create-container.", result.SingleErrorLine);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_failure_and_the_key_is_never_printed()
    {
        var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

        var result = await RunAsync(fixture.ConnectionString(wrongKey), "upload", NewContainer(), "--create-container");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: Authentication failed for {fixture.Endpoint}/", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_after_the_retries_with_one_line()
    {
        var port = Fixture.FreePort();

        var result = await RunAsync(fixture.ConnectionString(port: port), "upload", "history");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: Cannot reach http://127.0.0.1:{port}/devstoreaccount1/history", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.EndsWith("(gave up after 2 attempts)", result.SingleErrorLine.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://", "is not a valid http(s) URL")]
    [InlineData("https://account.blob.core.windows.net", "names no container")]
    public async Task A_malformed_url_is_one_error_line_and_sends_nothing(string target, string expected)
    {
        var result = await RunAsync(null, "upload", target);

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith("error: The upload target ", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Contains(expected, result.SingleErrorLine);
    }

    [Fact]
    public async Task A_sas_signature_in_a_malformed_target_is_not_echoed()
    {
        var result = await RunAsync(null, "export", "--tables", "dim_stores", "--out", "sas", "--upload", "https://account.blob.core.windows.net?sv=1&sig=c2VjcmV0c2VjcmV0");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("names no container", result.SingleErrorLine);
        Assert.DoesNotContain("c2VjcmV0c2VjcmV0", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Cli.File("sas")));
    }

    [Fact]
    public async Task A_folder_without_an_export_is_one_error_line()
    {
        Directory.CreateDirectory(Cli.File("empty"));

        var result = await RunAsync(fixture.ConnectionString(), "upload", "--from", "empty", NewContainer());

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: The folder '{Cli.File("empty")}' holds no export", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_container_on_export_without_upload_is_a_usage_error()
    {
        var result = await RunAsync(null, "export", "--out", "nowhere", "--create-container");

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Equal("error: --create-container needs --upload <TARGET>.", result.SingleErrorLine);
        Assert.False(Directory.Exists(Cli.File("nowhere")));
    }

    /// <summary>
    /// The real executable with a managed identity that hands out a token and a stranger's https endpoint whose
    /// certificate the child trusts: only the target rule stands between the token and the stranger.
    /// </summary>
    private async Task<CliResult> RunWithManagedIdentityAsync(FakeManagedIdentity identity, TokenCatchingServer stranger, string? allowedTargets, params string[] args)
    {
        using var runner = new CliRunner();
        foreach (var (key, value) in Cli.Environment.Concat(identity.Environment))
        {
            runner.Environment[key] = value;
        }

        runner.Environment["SSL_CERT_FILE"] = stranger.CertificateFile;
        runner.Environment["RETAILSYNTH__Upload__MaxRetries"] = "0";
        runner.Environment["RETAILSYNTH__Upload__AllowedTargets"] = allowedTargets;
        return await runner.RunProcessAsync([.. args, "--database", Cli.DatabasePath]);
    }

    [Theory]
    [InlineData("upload")]
    [InlineData("export")]
    public async Task An_entra_id_token_is_never_sent_to_a_host_that_is_not_azure_storage(string command)
    {
        await using var identity = FakeManagedIdentity.Start();
        await using var stranger = TokenCatchingServer.Start();
        var target = stranger.Url("devstoreaccount1/loot");
        var outFolder = Path.Combine(Path.GetTempPath(), "retailsynth-tests", $"never-{Guid.NewGuid():N}");
        string[] args = command == "upload"
            ? ["upload", "--from", Cli.File("data/export"), target]
            : ["export", "--tables", "dim_stores", "--out", outFolder, "--upload", target];

        var result = await RunWithManagedIdentityAsync(identity, stranger, null, args);

        Assert.Empty(stranger.BearerTokens);
        Assert.Empty(stranger.Requests);
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: Refusing to send an Entra ID token to 127.0.0.1:{stranger.Port}: it is not an Azure Storage or OneLake endpoint", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Contains("Upload:AllowedTargets", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Equal(0, identity.Requests);
        Assert.False(Directory.Exists(outFolder));
    }

    [Fact]
    public async Task A_host_in_upload_allowed_targets_receives_the_entra_id_token()
    {
        await using var identity = FakeManagedIdentity.Start();
        await using var stranger = TokenCatchingServer.Start();

        var result = await RunWithManagedIdentityAsync(
            identity, stranger, $"https://127.0.0.1:{stranger.Port}/devstoreaccount1", "upload", "--from", Cli.File("data/export"), stranger.Url("devstoreaccount1/lake"));

        // The same harness as the refusal above delivers the token once the host is listed: the refusal is the rule, not TLS.
        Assert.Equal($"Bearer {identity.Token}", Assert.Single(stranger.BearerTokens.Distinct()));
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: Authentication failed for https://127.0.0.1:{stranger.Port}/devstoreaccount1/lake (Entra ID", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_target_anywhere_says_how_to_give_one()
    {
        var result = await RunAsync(null, "upload");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith("error: No upload target", result.SingleErrorLine, StringComparison.Ordinal);
    }
}
