using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;

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
}
