using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// <c>upload</c>: copies an export folder into a blob container with its layout preserved
/// (<c>&lt;prefix&gt;/&lt;table&gt;/&lt;table&gt;[_YYYY-MM].parquet</c>). Incremental: a file whose blob has the same size and MD5
/// is skipped; every upload sets the blob's Content-MD5 from a hash computed locally (so chunked uploads have one too).
/// Files go in parallel, large files in parallel blocks; a blob only appears once its last block is committed, so a
/// failed or cancelled run leaves no half file and a re-run sends what is missing. Used by the CLI and the API.
/// </summary>
public sealed partial class UploadJob(ILogger<UploadJob> logger)
{
    private static readonly TimeSpan s_reportInterval = TimeSpan.FromMilliseconds(250);

    public async Task<UploadResult> RunAsync(UploadRequest request, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        // Local checks first, then the target, then the network: a refused upload sends nothing.
        var source = Path.GetFullPath(request.SourceFolder);
        var files = ExportFolder.Files(source);
        var target = UploadTarget.Parse(request.Target, request.ConnectionString, ClientOptions(request), allowedTargets: request.AllowedTargets);
        var totalBytes = files.Sum(f => f.Bytes);
        LogStarting(logger, files.Count, totalBytes, source, target.Display, target.Authentication);

        var clock = Stopwatch.StartNew();
        var remote = await Guard(target, () => RemoteBlobsAsync(target, request.CreateContainer, cancellationToken));
        var run = new Run(request, target, source, files, remote, progress, clock);
        // Delta commits go last, one at a time in version order, and only once every data file is in place: a reader of
        // the target never meets a commit whose files are missing. A failed data file holds the commits back.
        var commits = Enumerable.Range(0, files.Count).Where(i => ExportFolder.IsDeltaCommit(files[i].RelativePath)).ToList();
        var data = Enumerable.Range(0, files.Count).Except(commits).ToList();
        await Parallel.ForEachAsync(
            data,
            new ParallelOptions { MaxDegreeOfParallelism = request.SingleStream ? 1 : request.Parallelism, CancellationToken = cancellationToken },
            async (index, token) => run.Finish(index, await UploadFileAsync(run, files[index].RelativePath, files[index].Bytes, token)));
        var dataFailed = run.Results.Any(r => r?.Status == UploadStatus.Failed);
        foreach (var index in commits)
        {
            var (relativePath, bytes) = files[index];
            run.Finish(index, dataFailed
                ? new UploadedFile(relativePath, target.BlobName(relativePath), bytes, UploadStatus.Failed, "not sent: a data file of this export failed to upload, so its Delta commits wait for the rerun")
                : await UploadFileAsync(run, relativePath, bytes, cancellationToken));
        }

        var result = new UploadResult(target.Display, run.Results, clock.Elapsed);
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogFinished(logger, result.Uploaded.Count, result.Skipped.Count, result.Failed.Count, result.BytesUploaded, result.MegabytesPerSecond, target.Display);
        }
        return result;
    }

    private async Task<UploadedFile> UploadFileAsync(Run run, string relativePath, long bytes, CancellationToken cancellationToken)
    {
        var blobName = run.Target.BlobName(relativePath);
        var path = Path.Combine(run.Source, relativePath);
        var sent = 0L;
        try
        {
            var hash = await Md5Async(path, cancellationToken);
            var remote = run.Remote.GetValueOrDefault(blobName);
            var sameSize = remote is not null && remote.ContentLength == bytes;
            if (!run.Request.Force && sameSize && remote!.ContentHash is { } remoteHash && remoteHash.AsSpan().SequenceEqual(hash))
            {
                LogSkipped(logger, blobName);
                return new UploadedFile(relativePath, blobName, bytes, UploadStatus.Skipped);
            }

            if (sameSize && !run.Request.Force)
            {
                run.AddToSend(bytes); // counted as unchanged until the hash said otherwise
            }

            var clock = Stopwatch.StartNew();
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                var options = new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentHash = hash, ContentType = ContentType(relativePath) },
                    TransferOptions = Transfer(run.Request),
                    ProgressHandler = new BytesProgress(total =>
                    {
                        var delta = total - Interlocked.Exchange(ref sent, total);
                        run.Sent(delta);
                    }),
                };
                await run.Target.Container.GetBlobClient(blobName).UploadAsync(stream, options, cancellationToken);
            }

            run.Sent(bytes - Interlocked.Exchange(ref sent, bytes));
            LogUploaded(logger, blobName, bytes, clock.Elapsed.TotalMilliseconds);
            return new UploadedFile(relativePath, blobName, bytes, UploadStatus.Uploaded);
        }
        catch (Exception ex) when (UploadFailure.IsKnown(ex) && !cancellationToken.IsCancellationRequested)
        {
            var reason = UploadFailure.Describe(ex, run.Target.Display, run.Target.Authentication);
            LogFailed(logger, blobName, reason);
            return new UploadedFile(relativePath, blobName, bytes, UploadStatus.Failed, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = $"Cannot read '{path}': {ex.Message}";
            LogFailed(logger, blobName, reason);
            return new UploadedFile(relativePath, blobName, bytes, UploadStatus.Failed, reason);
        }
    }

    /// <summary>Creates the container if asked, then lists the blobs under the prefix: name → properties.</summary>
    private static async Task<Dictionary<string, BlobItemProperties>> RemoteBlobsAsync(UploadTarget target, bool createContainer, CancellationToken cancellationToken)
    {
        if (createContainer)
        {
            await target.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        var blobs = new Dictionary<string, BlobItemProperties>(StringComparer.Ordinal);
        var prefix = target.Prefix.Length == 0 ? null : $"{target.Prefix}/";
        await foreach (var blob in target.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            blobs[blob.Name] = blob.Properties;
        }

        return blobs;
    }

    /// <summary>Failures before any file is sent end the run with one sentence.</summary>
    private static async Task<T> Guard<T>(UploadTarget target, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (UploadFailure.IsKnown(ex))
        {
            throw new RetailSynthException(UploadFailure.Describe(ex, target.Display, target.Authentication), ex);
        }
    }

    /// <summary>The SDK's exponential retry, short and bounded: a dead endpoint fails in seconds, not minutes.</summary>
    internal static BlobClientOptions ClientOptions(UploadRequest request)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = request.MaxRetries;
        options.Retry.Delay = TimeSpan.FromSeconds(0.5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }

    private static StorageTransferOptions Transfer(UploadRequest request)
    {
        var block = request.BlockSizeMegabytes * 1024L * 1024L;
        return new StorageTransferOptions
        {
            InitialTransferSize = block,
            MaximumTransferSize = block,
            MaximumConcurrency = request.SingleStream ? 1 : request.Parallelism,
        };
    }

    private static string ContentType(string path) =>
        path.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.apache.parquet";

    /// <summary>The blob's Content-MD5: what Blob Storage stores and compares, an integrity check rather than security.</summary>
    private static async Task<byte[]> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
#pragma warning disable CA5351 // Content-MD5 is the storage service's integrity hash, not a security measure.
        return await MD5.HashDataAsync(stream, cancellationToken);
#pragma warning restore CA5351
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploading {Files} files ({Bytes} bytes) from {Source} to {Destination} ({Authentication})")]
    private static partial void LogStarting(ILogger logger, int files, long bytes, string source, string destination, string authentication);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Blob}: same size and MD5")]
    private static partial void LogSkipped(ILogger logger, string blob);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded {Blob} ({Bytes} bytes) in {Milliseconds:0} ms")]
    private static partial void LogUploaded(ILogger logger, string blob, long bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {Blob} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string blob, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload to {Destination}: {Uploaded} uploaded, {Skipped} skipped, {Failed} failed; {Bytes} bytes at {MegabytesPerSecond:0.0} MB/s")]
    private static partial void LogFinished(ILogger logger, int uploaded, int skipped, int failed, long bytes, double megabytesPerSecond, string destination);
}
