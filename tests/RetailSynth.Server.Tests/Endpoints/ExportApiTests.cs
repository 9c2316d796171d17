using System.Net;
using RetailSynth.Cli;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;
using RetailSynth.Tests.Credentials;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class ExportApiTests
{
    [Fact]
    public async Task Export_writes_the_selected_tables_as_a_background_task()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });

        var task = await server.RunTaskAsync("/api/export", new { format = "csv", tables = new[] { "dim_stores", "fact_receipts" }, @out = "exports" });

        Assert.Equal("export", task.GetProperty("kind").GetString());
        Assert.Equal(5, task.GetProperty("rows_per_table").GetProperty("dim_stores").GetInt64());
        Assert.True(File.Exists(Path.Combine(server.Folder, "exports", "dim_stores", "dim_stores.csv")));
        Assert.True(File.Exists(Path.Combine(server.Folder, "exports", "fact_receipts", "fact_receipts_2024-01.csv")));
    }

    [Fact]
    public async Task Export_with_upload_lands_every_file_in_the_blob_container()
    {
        var azurite = new AzuriteServer();
        await azurite.InitializeAsync();
        try
        {
            await UploadThroughTheApi(azurite);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task UploadThroughTheApi(AzuriteServer azurite)
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?> { ["Upload:ConnectionString"] = azurite.ConnectionString });
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
        var container = $"c{Guid.NewGuid():N}";

        await server.RunTaskAsync("/api/export", new { @out = "exports", upload = $"{container}/history", create_container = true });

        var local = Directory.GetFiles(Path.Combine(server.Folder, "exports"), "*.parquet", SearchOption.AllDirectories)
            .Select(f => "history/" + Path.GetRelativePath(Path.Combine(server.Folder, "exports"), f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var client = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, container);
        var remote = new List<string>();
        await foreach (var blob in client.GetBlobsAsync())
        {
            remote.Add(blob.Name);
        }

        Assert.True(local.Count > 15, $"only {local.Count} files exported");
        Assert.Equal(local, remote.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_refuses_an_upload_target_the_operator_did_not_configure_and_no_token_leaves_the_server()
    {
        await using var identity = FakeManagedIdentity.Start();
        await using var stranger = TokenCatchingServer.Start();
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string?>(identity.Environment)
        {
            ["SSL_CERT_FILE"] = stranger.CertificateFile, // TLS to the stranger succeeds: only the target rule can stop the token
            ["RETAILSYNTH__Upload__MaxRetries"] = "0",
        };
        ReducedWorld.ApplyTo(environment);
        foreach (var args in new[] { new[] { "generate", "dimensions" }, ["generate", "facts", "--days", "1"] })
        {
            Assert.Equal(CliApp.ExitOk, await CliApp.RunAsync(args, CliEnvironment.Plain(new StringWriter(), new StringWriter(), environment, folder.Path), CancellationToken.None));
        }

        await using (var server = await ServerProcess.StartAsync(folder.Path, environment))
        {
            using var refused = await server.PostJsonAsync("/api/export", new { tables = new[] { "dim_stores" }, @out = "refused", upload = stranger.Url("devstoreaccount1/loot") });
            await server.WaitForTasksAsync(); // had the export started, its upload would have finished by now

            Assert.Empty(stranger.BearerTokens);
            Assert.Empty(stranger.Requests);
            await Problems.AssertFieldAsync(refused, "upload");
            Assert.Contains("is not an upload target of this server", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(folder.File("refused")));
            Assert.Equal(0, identity.Requests);
        }

        // Listed by the operator, the same stranger is accepted and the same harness delivers the token: the refusal
        // above is the rule, not TLS.
        environment["RETAILSYNTH__Upload__AllowedTargets"] = stranger.Url("devstoreaccount1/allowed");
        await using (var server = await ServerProcess.StartAsync(folder.Path, environment))
        {
            using var beside = await server.PostJsonAsync("/api/export", new { tables = new[] { "dim_stores" }, @out = "beside", upload = stranger.Url("devstoreaccount1/loot") });
            await Problems.AssertFieldAsync(beside, "upload");

            using var allowed = await server.PostJsonAsync("/api/export", new { tables = new[] { "dim_stores" }, @out = "allowed", upload = stranger.Url("devstoreaccount1/allowed/history") });
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
            var task = Assert.Single((await server.WaitForTasksAsync()).EnumerateArray());
            Assert.Equal("failed", task.GetProperty("status").GetString());
            Assert.Equal($"Bearer {identity.Token}", Assert.Single(stranger.BearerTokens.Distinct()));
        }
    }

    [Fact]
    public async Task Export_refuses_an_out_folder_that_escapes_through_a_symlink()
    {
        using var outside = new TempFolder();
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        Directory.CreateSymbolicLink(Path.Combine(server.Folder, "shared"), outside.Path);

        using var response = await server.PostJsonAsync("/api/export", new { tables = new[] { "dim_stores" }, @out = "shared/exports" });

        await Problems.AssertFieldAsync(response, "out");
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
        Assert.Single((await server.GetJsonAsync("/api/tasks")).EnumerateArray()); // only the generation
    }

    [Fact]
    public async Task Export_accepts_an_out_folder_behind_a_symlink_that_stays_inside()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        Directory.CreateDirectory(Path.Combine(server.Folder, "lake"));
        Directory.CreateSymbolicLink(Path.Combine(server.Folder, "current"), "lake");

        await server.RunTaskAsync("/api/export", new { tables = new[] { "dim_stores" }, @out = "current/exports" });

        Assert.True(File.Exists(Path.Combine(server.Folder, "lake", "exports", "dim_stores", "dim_stores.parquet")));
    }

    [Theory]
    [InlineData("{\"format\": \"xml\"}", "format")]
    [InlineData("{\"tables\": [\"dim_nope\"]}", "tables")]
    [InlineData("{\"tables\": \"dim_stores\"}", "tables")]
    [InlineData("{\"from\": \"2024-02-30\"}", "from")]
    [InlineData("{\"to\": \"soon\"}", "to")]
    [InlineData("{\"from\": \"2024-03-01\", \"to\": \"2024-02-01\"}", "from")]
    [InlineData("{\"out\": \"../elsewhere\"}", "out")]
    [InlineData("{\"out\": \"/tmp/elsewhere\"}", "out")]
    [InlineData("{\"upload\": \"not a url\"}", "upload")]
    [InlineData("{\"create_container\": true}", "create_container")]
    public async Task Export_names_each_invalid_field_in_a_400(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/export", body);
        await Problems.AssertFieldAsync(response, field);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Theory]
    [InlineData(@"x\u0000y")]
    [InlineData(@"exports/a\u0001b")]
    [InlineData(@"line\nbreak")]
    public async Task Export_refuses_control_characters_in_out_naming_the_field(string jsonEscapedOut)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/export", $"{{\"out\": \"{jsonEscapedOut}\"}}");

        await Problems.AssertFieldAsync(response, "out");
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Theory]
    [InlineData(1_025, "out")]
    [InlineData(20_000, "out")]
    [InlineData(256, "out")] // one folder name longer than a file system allows
    [InlineData(5_000, "upload")]
    public async Task Export_refuses_an_overlong_path_naming_the_field_and_starts_no_task(int length, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/api/export", new Dictionary<string, string> { [field] = new string('a', length) });

        await Problems.AssertFieldAsync(response, field);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task Export_accepts_a_nested_out_path_of_1024_characters()
    {
        await using var server = await RunningServer.StartAsync();
        var nested = string.Join('/', Enumerable.Repeat(new string('d', 99), 10)) + "/" + new string('e', 1024 - 1000);

        using var response = await server.PostJsonAsync("/api/export", new { @out = nested, tables = new[] { "dim_stores" } });

        Assert.Equal(1024, nested.Length);
        await Problems.AssertStatusAsync(response, System.Net.HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Export_refuses_more_than_100_tables()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/api/export", new { tables = Enumerable.Repeat("dim_stores", 101) });

        await Problems.AssertFieldAsync(response, "tables");
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task Export_echoes_at_most_three_bad_table_names_in_one_short_message()
    {
        await using var server = await RunningServer.StartAsync();
        var names = Enumerable.Range(0, 90).Select(i => $"no_such_table_{i}_{new string('x', 60)}").ToArray();

        using var response = await server.PostJsonAsync("/api/export", new { tables = names });

        await Problems.AssertFieldAsync(response, "tables");
        var text = await response.Content.ReadAsStringAsync();
        var message = Assert.Single(System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("tables").EnumerateArray()).GetString()!;
        Assert.Contains("no_such_table_0_", message, StringComparison.Ordinal);
        Assert.DoesNotContain("no_such_table_3_", message, StringComparison.Ordinal);
        Assert.Contains("87 more", message, StringComparison.Ordinal);
        Assert.True(text.Length < 1_000, $"{text.Length} characters: {text}");
    }
}
