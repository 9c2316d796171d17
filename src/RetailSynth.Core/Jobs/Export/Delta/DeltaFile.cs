namespace RetailSynth.Jobs.Export.Delta;

/// <summary>A data file live in a Delta table: its log path (URL-encoded, as in the <c>add</c>), partition values and size.</summary>
public sealed record DeltaFile(string Path, IReadOnlyDictionary<string, string?> PartitionValues, long Size);
