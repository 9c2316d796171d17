namespace RetailSynth.Connectors.Upload;

/// <summary>
/// Every local file and what happened to it, in name order. <paramref name="Destination"/> is the container URL and
/// prefix without any SAS query: safe to show. Throughput counts the bytes sent over the whole run (hashing included).
/// </summary>
public sealed record UploadResult(string Destination, IReadOnlyList<UploadedFile> Files, TimeSpan Elapsed)
{
    public IReadOnlyList<UploadedFile> Uploaded => [.. Files.Where(f => f.Status == UploadStatus.Uploaded)];

    public IReadOnlyList<UploadedFile> Skipped => [.. Files.Where(f => f.Status == UploadStatus.Skipped)];

    public IReadOnlyList<UploadedFile> Failed => [.. Files.Where(f => f.Status == UploadStatus.Failed)];

    public long BytesUploaded => Files.Where(f => f.Status == UploadStatus.Uploaded).Sum(f => f.Bytes);

    public double MegabytesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : BytesUploaded / 1_000_000.0 / Elapsed.TotalSeconds;
}
