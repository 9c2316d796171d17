namespace RetailSynth.Jobs.Export;

/// <summary>
/// Every file an export wrote, in write order. <paramref name="Tables"/> is the resolved selection: a fact table
/// without rows in range is listed there but has no file.
/// </summary>
public sealed record ExportResult(string OutputFolder, IReadOnlyList<string> Tables, IReadOnlyList<ExportedFile> Files, TimeSpan Elapsed)
{
    public long Rows => Files.Sum(f => f.Rows);

    public long Bytes => Files.Sum(f => f.Bytes);
}
