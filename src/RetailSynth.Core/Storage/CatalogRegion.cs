namespace RetailSynth.Storage;

/// <summary>One region of a catalog: its index, its file and the last day it committed.</summary>
public sealed record CatalogRegion(int Index, string Path, DateOnly? LastCommittedDay);
