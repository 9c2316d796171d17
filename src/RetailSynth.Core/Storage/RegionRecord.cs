namespace RetailSynth.Storage;

/// <summary>The <c>sim_region</c> row: the file holds <paramref name="Region"/> of dataset <paramref name="DatasetId"/> (scale-out §2).</summary>
public sealed record RegionRecord(string DatasetId, Region Region);
