namespace RetailSynth.Connectors.Upload;

/// <summary>
/// Progress of an upload: files finished (uploaded, skipped or failed) and bytes sent so far. <paramref name="File"/>
/// is the file that just finished, or null for an update of bytes only.
/// </summary>
public sealed record UploadProgress(int FilesDone, int FilesTotal, long BytesSent, long BytesToSend, TimeSpan Elapsed, UploadedFile? File)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : BytesSent / 1_000_000.0 / Elapsed.TotalSeconds;
}
