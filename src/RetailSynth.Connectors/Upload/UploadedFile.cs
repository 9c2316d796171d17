namespace RetailSynth.Connectors.Upload;

/// <summary>
/// One local file and its fate: <paramref name="RelativePath"/> in the export folder ('/' separators),
/// <paramref name="BlobName"/> in the container, <paramref name="Error"/> a one-line reason when it failed.
/// </summary>
public sealed record UploadedFile(string RelativePath, string BlobName, long Bytes, UploadStatus Status, string? Error = null);
