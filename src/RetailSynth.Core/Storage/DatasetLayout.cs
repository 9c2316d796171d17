namespace RetailSynth.Storage;

/// <summary>
/// Where a dataset's files live (scale-out §3): with one region, the configured <c>Storage:DatabasePath</c>; with R &gt; 1,
/// one file per region, <c>regions/region-&lt;r:000&gt;.duckdb</c> beside it, and the configured file is the dataset catalog.
/// </summary>
public static class DatasetLayout
{
    public const string RegionsFolder = "regions";

    /// <summary>Region <paramref name="index"/>'s file beside the catalog at <paramref name="catalogPath"/>.</summary>
    public static string RegionFile(string catalogPath, int index) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(catalogPath))!, RegionsFolder, $"region-{index:000}.duckdb");

    /// <summary>Whether the settings describe a dataset of more than one region, run as a whole (no region chosen).</summary>
    public static bool IsWholeShardedDataset(RetailSynthSettings settings) =>
        settings.Simulation.Regions > 1 && settings.Storage.Region is null;

    /// <summary>
    /// The settings for region <paramref name="index"/> alone: its file and its <see cref="Region"/>. With one region,
    /// region 0 is the dataset: the settings come back unchanged. Refused with one line when the index is out of range.
    /// </summary>
    public static RetailSynthSettings ForRegion(RetailSynthSettings settings, int index)
    {
        var count = settings.Simulation.Regions;
        if (settings.Storage.Region is { } chosen)
        {
            // Already one region's settings (a nested call): only that region is at hand.
            return chosen.Index == index
                ? settings
                : throw new RetailSynthException($"These settings run region {chosen.Index}; region {index} is not theirs.");
        }

        if (index < 0 || index >= count)
        {
            throw new RetailSynthException(count == 1
                ? $"Region {index} is out of range: the dataset has one region (Simulation:Regions = 1), region 0."
                : $"Region {index} is out of range: the dataset has {count} regions (Simulation:Regions = {count}), 0 … {count - 1}.");
        }

        if (count == 1)
        {
            return settings;
        }

        // Regions stream side by side into one file sink: each writes its own partition folder (region=<r>/, as export
        // does), so two relays never append to the same file and a reader takes the folder as one partitioned table.
        var streaming = settings.Streaming.Copy();
        streaming.File = new FileSinkOptions { Directory = Path.Combine(settings.Streaming.File.Directory, $"region={index}") };
        return settings with
        {
            Storage = StorageOptions.ForRegion(RegionFile(settings.Storage.DatabasePath, index), new Region(index, count)),
            Streaming = streaming,
        };
    }

    /// <summary>Every region's settings, in region order.</summary>
    public static IReadOnlyList<RetailSynthSettings> EveryRegion(RetailSynthSettings settings) =>
        [.. Enumerable.Range(0, settings.Simulation.Regions).Select(r => ForRegion(settings, r))];

    /// <summary>
    /// The region a job that writes one file runs: the chosen one, or the whole network of a one-region dataset.
    /// A dataset of several regions with none chosen is refused: its configured file is the catalog, which only reads.
    /// </summary>
    public static Region RegionOf(RetailSynthSettings settings, string job)
    {
        if (settings.Storage.Region is { } region)
        {
            return region;
        }

        var count = settings.Simulation.Regions;
        return count == 1
            ? Region.Whole
            : throw new RefusedException(
                RefusalReason.RegionRequired,
                $"The dataset has {count} regions (Simulation:Regions = {count}) and {job} runs one region at a time (0 … {count - 1})",
                "; choose one.");
    }
}
