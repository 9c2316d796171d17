using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using RetailSynth.Connectors.Upload;
using RetailSynth.Foundation.Errors;
using RetailSynth.Tests;

namespace RetailSynth.Connectors.Tests.Upload;

public class UploadJobTests(UploadFixture fixture) : IClassFixture<UploadFixture>
{
    private AzuriteServer Azurite => fixture.Azurite;

    private static string NewContainer() => $"t{Guid.NewGuid():N}";

    private Task<UploadResult> UploadAsync(string folder, string target, bool create = true, bool force = false, bool singleStream = false, int blockMegabytes = 8) =>
        UploadFixture.Job().RunAsync(
            new UploadRequest(folder, target, Azurite.ConnectionString, create, 4, blockMegabytes, 1, singleStream, force), null, CancellationToken.None);

    /// <summary>Blob name → (size, Content-MD5 as base64).</summary>
    private async Task<Dictionary<string, (long Size, string? Md5)>> ListAsync(string container)
    {
        var client = new BlobContainerClient(Azurite.ConnectionString, container);
        var blobs = new Dictionary<string, (long, string?)>();
        await foreach (var blob in client.GetBlobsAsync())
        {
            blobs[blob.Name] = (blob.Properties.ContentLength ?? -1, blob.Properties.ContentHash is { } hash ? Convert.ToBase64String(hash) : null);
        }

        return blobs;
    }

    /// <summary>The export files as they should appear under <paramref name="prefix"/>: name → (size, MD5 as base64).</summary>
    private static Dictionary<string, (long Size, string? Md5)> Expected(string folder, string prefix) =>
        RetailSynth.Connectors.Upload.ExportFolder.Files(folder).ToDictionary(
            f => prefix + f.RelativePath,
            f => (f.Bytes, (string?)UploadFixture.Md5(Path.Combine(folder, f.RelativePath))));

    [Fact]
    public async Task First_upload_sends_every_export_file_and_the_container_holds_the_same_names_sizes_and_md5s()
    {
        var container = NewContainer();

        var result = await UploadAsync(fixture.ExportFolder, $"{container}/history/run1");

        var expected = Expected(fixture.ExportFolder, "history/run1/");
        Assert.Contains("fact_receipts/fact_receipts_2024-01.parquet", result.Files.Select(f => f.RelativePath));
        Assert.Contains("fact_receipts/fact_receipts_2024-02.parquet", result.Files.Select(f => f.RelativePath));
        Assert.Contains("dim_stores/dim_stores.parquet", result.Files.Select(f => f.RelativePath));
        Assert.Equal(expected.Count, result.Uploaded.Count);
        Assert.Empty(result.Skipped);
        Assert.Empty(result.Failed);
        Assert.Equal(expected.Values.Sum(v => v.Size), result.BytesUploaded);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), (await ListAsync(container)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal($"{Azurite.BlobEndpoint}/{container}/history/run1", result.Destination);
    }

    [Fact]
    public async Task A_delta_export_uploads_as_it_lies_with_its_logs_and_partition_folders_and_a_rerun_sends_only_the_new_commit()
    {
        using var temp = new TempFolder();
        var folder = temp.File("delta");
        fixture.Export(folder, ["dim_stores", "fact_receipts"], format: RetailSynth.Jobs.Export.ExportFormat.Delta);
        File.WriteAllText(Path.Combine(folder, "fact_receipts", "_delta_log", ".00000000000000000001.json.0123.tmp"), "a commit in progress");
        var container = NewContainer();

        var first = await UploadAsync(folder, $"{container}/Tables");

        var names = first.Files.Select(f => f.RelativePath).ToList();
        Assert.Contains("fact_receipts/_delta_log/00000000000000000000.json", names);
        Assert.Contains("dim_stores/_delta_log/00000000000000000000.json", names);
        Assert.Contains("fact_receipts/month=2024-01/fact_receipts_2024-01_v0.parquet", names);
        Assert.Contains("fact_receipts/month=2024-02/fact_receipts_2024-02_v0.parquet", names);
        Assert.Contains("dim_stores/dim_stores_v0.parquet", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(first.Failed);
        Assert.Equal(
            Expected(folder, "Tables/").OrderBy(e => e.Key, StringComparer.Ordinal),
            (await ListAsync(container)).OrderBy(e => e.Key, StringComparer.Ordinal));

        fixture.Export(folder, ["dim_stores"], format: RetailSynth.Jobs.Export.ExportFormat.Delta);
        var second = await UploadAsync(folder, $"{container}/Tables");

        Assert.Equal(["dim_stores/_delta_log/00000000000000000001.json", "dim_stores/dim_stores_v1.parquet"], second.Uploaded.Select(f => f.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_upload_skips_every_file_and_reports_progress_for_each()
    {
        var container = NewContainer();
        await UploadAsync(fixture.ExportFolder, container);
        var reports = new List<UploadProgress>();

        var again = await UploadFixture.Job().RunAsync(
            new UploadRequest(fixture.ExportFolder, container, Azurite.ConnectionString), new SyncProgress(reports.Add), CancellationToken.None);

        Assert.Empty(again.Uploaded);
        Assert.Empty(again.Failed);
        Assert.Equal(again.Files.Count, again.Skipped.Count);
        Assert.Equal(0, again.BytesUploaded);
        Assert.Equal(again.Files.Count, reports.Count(r => r.File is not null));
        Assert.Equal(again.Files.Count, reports[^1].FilesDone);
    }

    [Fact]
    public async Task Re_exporting_one_month_and_uploading_again_sends_only_that_file()
    {
        using var scratch = new TempFolder();
        var folder = fixture.CopyExport(scratch);
        var container = NewContainer();
        await UploadAsync(folder, container);

        fixture.Export(folder, ["fact_receipts"], new DateOnly(2024, 1, 30));
        var result = await UploadAsync(folder, container, create: false);

        var sent = Assert.Single(result.Uploaded);
        Assert.Equal("fact_receipts/fact_receipts_2024-01.parquet", sent.RelativePath);
        Assert.Equal(result.Files.Count - 1, result.Skipped.Count);
        Assert.Equal(Expected(folder, string.Empty).OrderBy(e => e.Key, StringComparer.Ordinal), (await ListAsync(container)).OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_larger_than_a_block_goes_in_parallel_blocks_and_still_carries_its_md5_so_the_next_run_skips_it()
    {
        using var scratch = new TempFolder();
        var folder = fixture.CopyExport(scratch);
        var large = Path.Combine(folder, "fact_receipts", "fact_receipts_2023-12.parquet");
        File.WriteAllBytes(large, RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17));
        var container = NewContainer();

        var first = await UploadAsync(folder, container, blockMegabytes: 1);
        var second = await UploadAsync(folder, container, blockMegabytes: 1);

        Assert.Empty(first.Failed);
        Assert.Equal(UploadFixture.Md5(large), (await ListAsync(container))["fact_receipts/fact_receipts_2023-12.parquet"].Md5);
        Assert.Empty(second.Uploaded);
    }

    [Fact]
    public async Task Force_with_a_single_stream_sends_every_file_again()
    {
        var container = NewContainer();
        var first = await UploadAsync(fixture.ExportFolder, container);

        var forced = await UploadAsync(fixture.ExportFolder, container, force: true, singleStream: true);

        Assert.Equal(first.Files.Count, forced.Uploaded.Count);
        Assert.Equal(Expected(fixture.ExportFolder, string.Empty).Count, (await ListAsync(container)).Count);
    }

    [Fact]
    public async Task A_sas_url_with_a_folder_prefix_uploads_and_no_message_or_result_shows_the_signature()
    {
        var container = NewContainer();
        var client = new BlobContainerClient(Azurite.ConnectionString, container);
        await client.CreateAsync();
        var sas = client.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        var target = new BlobUriBuilder(sas) { BlobName = "lake/files" }.ToUri().ToString();

        var result = await UploadFixture.Job().RunAsync(new UploadRequest(fixture.ExportFolder, target), null, CancellationToken.None);

        Assert.Equal(Expected(fixture.ExportFolder, "lake/files/").Count, result.Uploaded.Count);
        Assert.Equal($"{Azurite.BlobEndpoint}/{container}/lake/files", result.Destination);
        Assert.DoesNotContain("sig=", result.ToString(), StringComparison.OrdinalIgnoreCase);

        var missing = target.Replace(container, NewContainer(), StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadFixture.Job().RunAsync(new UploadRequest(fixture.ExportFolder, missing), null, CancellationToken.None));
        Assert.DoesNotContain(new BlobUriBuilder(sas).Sas.Signature, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Files_refused_by_a_read_only_sas_are_each_reported_failed_and_a_rerun_with_write_rights_sends_them()
    {
        var container = NewContainer();
        var client = new BlobContainerClient(Azurite.ConnectionString, container);
        await client.CreateAsync();
        string Sas(BlobContainerSasPermissions permissions) => client.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1)).ToString();

        var refused = await UploadFixture.Job().RunAsync(
            new UploadRequest(fixture.ExportFolder, Sas(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List), MaxRetries: 0), null, CancellationToken.None);
        var rerun = await UploadFixture.Job().RunAsync(new UploadRequest(fixture.ExportFolder, Sas(BlobContainerSasPermissions.All)), null, CancellationToken.None);

        Assert.Equal(refused.Files.Count, refused.Failed.Count);
        Assert.All(refused.Failed, f => Assert.StartsWith($"Permission denied on {Azurite.BlobEndpoint}/{container} (SAS, ", f.Error, StringComparison.Ordinal));
        Assert.Equal(0, refused.BytesUploaded);
        Assert.Equal(refused.Files.Count, rerun.Uploaded.Count);
        Assert.Equal(Expected(fixture.ExportFolder, string.Empty).Count, (await ListAsync(container)).Count);
    }

    [Theory]
    [InlineData("https://", "is not a valid http(s) URL")]
    [InlineData("ftp://account.blob.core.windows.net/c", "is not a valid http(s) URL")]
    [InlineData("https://account.blob.core.windows.net/", "names no container")]
    [InlineData("Not_A_Container!", "is not a valid container name")]
    public async Task A_malformed_target_fails_with_one_sentence_before_any_request(string target, string expected)
    {
        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadAsync(fixture.ExportFolder, target));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_missing_container_fails_saying_to_use_create_container_and_creates_nothing()
    {
        var container = NewContainer();

        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadAsync(fixture.ExportFolder, container, create: false));

        Assert.Equal($"The container of {Azurite.BlobEndpoint}/{container} does not exist; create it or rerun with --create-container.", error.Message);
        Assert.False(await new BlobContainerClient(Azurite.ConnectionString, container).ExistsAsync());
    }

    [Fact]
    public async Task A_wrong_account_key_is_named_an_authentication_failure_without_showing_the_key()
    {
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadFixture.Job().RunAsync(
            new UploadRequest(fixture.ExportFolder, NewContainer(), Azurite.ConnectionStringWith(wrongKey), CreateContainer: true, MaxRetries: 0), null, CancellationToken.None));

        Assert.StartsWith("Authentication failed for ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteServer.AccountKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_a_bounded_number_of_times_then_fails_clearly()
    {
        var port = AzuriteServer.FreePort();
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadFixture.Job().RunAsync(
            new UploadRequest(fixture.ExportFolder, "history", connectionString, MaxRetries: 2), null, CancellationToken.None));

        Assert.StartsWith($"Cannot reach http://127.0.0.1:{port}/devstoreaccount1/history", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(gave up after 3 attempts)", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(AzuriteServer.AccountKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_an_export_fails_before_any_request()
    {
        using var empty = new TempFolder();
        File.WriteAllText(empty.File("notes.txt"), "no export here");

        var error = await Assert.ThrowsAsync<RetailSynthException>(() => UploadAsync(empty.Path, NewContainer()));

        Assert.StartsWith($"The folder '{empty.Path}' holds no export", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<UploadProgress> report) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => report(value);
    }
}
