namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>Model v1's volumes per day (data-model §18 of that model): rows, events.</summary>
    private static readonly Dictionary<string, (double Rows, double Events)> s_volumeReferences = new(StringComparer.Ordinal)
    {
        [SimulationProfiles.Small] = (160_000, 151_000),
        [SimulationProfiles.Large] = (1_160_000, 1_090_000),
    };

    /// <summary>The (table, status) pairs of data-model §7 that feed no event; every other fact row feeds one.</summary>
    private static readonly Dictionary<string, string> s_eventFilters = new(StringComparer.Ordinal)
    {
        ["fact_truck_moves"] = "status IN ('ARRIVED', 'COMPLETED')",
        ["fact_online_order_status"] = "status IN ('PICKED', 'SHIPPED')",
        ["fact_truck_inventory"] = "false",
        ["fact_promo_lines"] = "false",
        ["fact_online_order_lines"] = "false",
    };

    /// <summary>R17 — rows and events per day against model v1's, for a reference profile with its default sizes.</summary>
    private static void Volumes(KpiBuilder kpi, ReportContext q)
    {
        var rows = 0.0;
        var events = 0.0;
        foreach (var table in Storage.DatasetTables.Facts)
        {
            var feeds = s_eventFilters.GetValueOrDefault(table, "true");
            var counts = q.Row($"SELECT count(*), count(*) FILTER (WHERE {feeds}) FROM {table} WHERE event_ts >= @from AND event_ts < @end", 2);
            rows += counts[0] ?? 0;
            events += counts[1] ?? 0;
        }

        var days = q.Horizon.Days;
        var regions = Regions(q);
        var notJudged = ReferenceMissing(q, regions) ?? NeedsDays(q.Horizon, 7);
        var reference = s_volumeReferences.GetValueOrDefault(q.Horizon.Profile);
        kpi.Check("rows per day", rows / days, Units.Count, Band(reference.Rows), notJudged);
        kpi.Check("events per day", events / days, Units.Count, Band(reference.Events), notJudged);

        // Every count of the profile is per region (scale-out §1), so R regions are held to R times the reference.
        Band Band(double perRegion)
        {
            var reference = perRegion * regions;
            var basis = regions == 1 ? $"model v1 {perRegion:#,0} ±30 %" : $"{regions} regions × model v1 {perRegion:#,0} ±30 %";
            return perRegion == 0
                ? new Band(null, null, "±30 % of model v1 (no reference)")
                : Jobs.Report.Band.Between(0.7 * reference, 1.3 * reference, $"{0.7 * reference:#,0}–{1.3 * reference:#,0} ({basis})");
        }
    }

    /// <summary>The regions the dataset holds: the distinct id blocks of its stores (r × 10⁸ + local id, scale-out §2).</summary>
    private static int Regions(ReportContext q) =>
        (int)Math.Max(1, q.Row($"SELECT count(DISTINCT store_id // {Region.IdStride}) FROM dim_stores", 1)[0] ?? 1);

    /// <summary>The reference holds for the small and large profiles with their default sizes (stores, products, customers) in each region.</summary>
    private static string? ReferenceMissing(ReportContext q, int regions)
    {
        if (SimulationProfiles.Create(q.Horizon.Profile) is not { } defaults || !s_volumeReferences.ContainsKey(q.Horizon.Profile))
        {
            return $"no model v1 reference for the profile '{q.Horizon.Profile}'";
        }

        var sizes = q.Row("SELECT (SELECT count(*) FROM dim_stores), (SELECT count(*) FROM dim_products), (SELECT count(*) FROM dim_customers WHERE customer_id >= 1)", 3);
        return sizes[0] == defaults.Stores * regions && sizes[1] == defaults.Products && sizes[2] == defaults.Customers * regions
            ? null
            : $"no model v1 reference: the {q.Horizon.Profile} profile's sizes were changed ({sizes[0]:0} stores, {sizes[1]:0} products, {sizes[2]:0} customers)";
    }
}
