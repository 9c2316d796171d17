using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export;

/// <summary>
/// Where an export reads one region's rows and which partition it writes them to (scale-out §3): the whole file of a
/// one-region dataset (<see cref="Region"/> null, no partition), a region attached to the dataset catalog
/// (<c>region_001.fact_…</c>) or a region's own file, each written under <c>region=&lt;r&gt;/</c>.
/// </summary>
internal sealed record ExportPartition(int? Region, string Prefix)
{
    /// <summary>The table as this partition reads it.</summary>
    public string Source(string table) => Prefix + table;

    /// <summary>
    /// The rows of <paramref name="table"/> this partition exports, or null when it exports none: the product catalog
    /// and customer 0 are in every region's file but are exported by region 0 only, so every key stays unique.
    /// </summary>
    public string? Filter(string table) => (Region, table) switch
    {
        ( > 0, "dim_products") => null,
        ( > 0, "dim_customers") => "customer_id <> 0",
        _ => "TRUE",
    };

    /// <summary>The partitions of the open file: every region of a catalog, or only <paramref name="region"/> when given.</summary>
    public static IReadOnlyList<ExportPartition> Of(RetailDatabase database, int? region)
    {
        if (database.IsCatalog)
        {
            var count = database.Regions.Count;
            if (region is { } r && (r < 0 || r >= count))
            {
                throw new RetailSynthException($"Region {r} is out of range: the dataset has {count} regions, 0 … {count - 1}.");
            }

            return [.. database.Regions.Where(c => region is null || c.Index == region).Select(c => new ExportPartition(c.Index, DatasetCatalog.Alias(c.Index) + "."))];
        }

        var recorded = new DimensionStore(database).ReadRegion()?.Region;
        if (recorded is { IsSharded: true } own)
        {
            return region is null || region == own.Index
                ? [new ExportPartition(own.Index, string.Empty)]
                : throw new RetailSynthException($"The database '{database.Path}' holds {own}, not region {region}.");
        }

        return region is null or 0
            ? [new ExportPartition(null, string.Empty)]
            : throw new RetailSynthException($"Region {region} is out of range: the dataset has one region (Simulation:Regions = 1), region 0.");
    }
}
