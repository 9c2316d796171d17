namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// A Delta table's state after replaying its log: the latest version (-1 for a table with no log yet), the metadata this
/// exporter checks, and the live files (every <c>add</c> not removed since), keyed by log path.
/// </summary>
public sealed record DeltaSnapshot(
    long Version,
    string? TableId,
    string? SchemaString,
    IReadOnlyList<string> PartitionColumns,
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyDictionary<string, DeltaFile> Files)
{
    public static DeltaSnapshot Empty { get; } = new(-1, null, null, [], 0, 0, new Dictionary<string, DeltaFile>());

    public bool Exists => Version >= 0;
}
