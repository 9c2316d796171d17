namespace RetailSynth.Jobs.Export;

/// <summary>One file an export wrote: <paramref name="Month"/> (first day, UTC) for a fact partition, null for a dimension.</summary>
public sealed record ExportedFile(string Table, DateOnly? Month, string Path, long Rows, long Bytes);
