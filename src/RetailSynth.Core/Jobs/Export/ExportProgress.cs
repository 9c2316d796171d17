namespace RetailSynth.Jobs.Export;

/// <summary>Reported after each file is in place; <paramref name="TableNumber"/> counts from 1.</summary>
public sealed record ExportProgress(int TableNumber, int TableCount, ExportedFile File);
