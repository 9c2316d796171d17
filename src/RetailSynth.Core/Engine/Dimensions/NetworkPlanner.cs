using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_distribution_centers (§6.2) and dim_stores (§6.3): where the network stands and how each store trades.</summary>
internal static class NetworkPlanner
{
    public const double NeighborRadiusMiles = 150;

    /// <summary>DC d sits at geography d (the hubs are sampled first, §6.1); addresses come from <c>dims.dcs</c> after the hub keys.</summary>
    public static List<DistributionCenter> PlaceDistributionCenters(
        IReadOnlyList<Geography> geographies, int count, ReferenceDictionaries d, RandomStream dcStream)
    {
        var hubs = geographies.Take(count).ToList();
        return hubs.Select((g, i) =>
        {
            var roadMiles = hubs.Select(other => Haversine.RoadMiles(g.Latitude, g.Longitude, other.Latitude, other.Longitude)).ToArray();
            return new DistributionCenter(
                i + 1, Identifiers.DcNumber(i + 1), Addresses.Industrial(dcStream, d), g.GeographyId, g.TimeZone, g.Latitude, g.Longitude, roadMiles);
        }).ToList();
    }

    public static List<Store> PlaceStores(
        SimulationOptions options,
        IReadOnlyList<Geography> geographies,
        IReadOnlyList<DistributionCenter> dcs,
        ReferenceDictionaries d,
        RandomHierarchy random)
    {
        var placement = PlacementOrder(options.Stores, geographies, dcs.Count);

        var stream = random.Stream(RandomComponents.Stores);
        var taxes = new TaxRateLookup(d.TaxRates);
        var points = new HashSet<(double, double)>();
        var drafts = new List<Store>(placement.Count);
        for (var i = 0; i < placement.Count; i++)
        {
            var geography = placement[i];
            var storeId = i + 1;
            var address = Addresses.Commercial(stream, d);
            var profile = StoreProfiles.Draw(stream, geography.Region);

            // Redrawn in the (practically impossible) case of two stores on one rounded point: coordinates are distinct.
            (double Latitude, double Longitude) point;
            do
            {
                var r = stream.Uniform(0.5, 3.0);
                var theta = stream.Uniform(0, 2 * Math.PI);
                point = Haversine.Offset(geography.Latitude, geography.Longitude, r, theta);
            }
            while (!points.Add(point));

            var (dcId, dcMiles) = AssignedDc(point.Latitude, point.Longitude, dcs);
            drafts.Add(new Store(
                storeId,
                Identifiers.StoreNumber(storeId),
                address,
                geography.GeographyId,
                point.Latitude,
                point.Longitude,
                geography.TimeZone,
                taxes.RateE5(geography.State, geography.City),
                profile.GeographyClass,
                profile.VolumeClass,
                profile.StoreFormat,
                profile.HoursClass,
                profile.Hours.Label,
                profile.Hours.OpenMinute,
                profile.Hours.CloseMinute,
                profile.DailyTrafficMultiplier,
                dcId,
                dcMiles,
                []));
        }

        return drafts.Select(s => s with { NeighborStoreIds = Neighbors(s, drafts) }).ToList();
    }

    /// <summary>
    /// The geography of each store in store_id order (§6.3): one store per DC, the rest over DCs by the summed
    /// placement_weight of their clusters; within a DC one store per state, then per row, then by weight.
    /// </summary>
    public static List<Geography> PlacementOrder(int storeCount, IReadOnlyList<Geography> geographies, int dcCount)
    {
        var nearestHub = GeographySampler.NearestHub(geographies, dcCount);
        var clusters = Enumerable.Range(1, dcCount)
            .Select(dc => geographies.Where(g => nearestHub[g.GeographyId - 1] == dc).ToList())
            .ToList();

        var clusterWeights = clusters.Select(c =>
        {
            var sum = 0.0;
            foreach (var g in c)
            {
                sum += g.PlacementWeight;
            }

            return sum;
        }).ToList();
        var extra = LargestRemainder.Distribute(storeCount - dcCount, clusterWeights);

        var placement = new List<Geography>(storeCount);
        for (var dc = 0; dc < dcCount; dc++)
        {
            placement.AddRange(PlaceInCluster(clusters[dc], 1 + extra[dc]));
        }

        return placement;
    }

    private static List<Geography> PlaceInCluster(List<Geography> cluster, int stores)
    {
        var ordered = cluster.OrderByDescending(g => g.PlacementWeight).ThenBy(g => g.GeographyId).ToList();
        var placed = new List<Geography>(stores);
        var used = new HashSet<long>();

        // 1. The best row of each state, states in the order of their best row.
        foreach (var best in ordered.GroupBy(g => g.State, StringComparer.Ordinal).Select(s => s.First()))
        {
            if (placed.Count == stores)
            {
                return placed;
            }

            placed.Add(best);
            used.Add(best.GeographyId);
        }

        // 2. Every remaining row, in order.
        foreach (var row in ordered.Where(g => !used.Contains(g.GeographyId)))
        {
            if (placed.Count == stores)
            {
                return placed;
            }

            placed.Add(row);
        }

        // 3. The rest over the cluster by largest remainder of weight (ties by geography_id).
        var byId = cluster.OrderBy(g => g.GeographyId).ToList();
        var counts = LargestRemainder.Distribute(stores - placed.Count, byId.Select(g => g.PlacementWeight).ToList());
        var countById = byId.Select((g, i) => (g.GeographyId, Count: counts[i])).ToDictionary(x => x.GeographyId, x => x.Count);
        foreach (var row in ordered)
        {
            placed.AddRange(Enumerable.Repeat(row, countById[row.GeographyId]));
        }

        return placed;
    }

    /// <summary>The assigned DC: fewest road miles from the store (ties by dc_id).</summary>
    private static (long DcId, double RoadMiles) AssignedDc(double latitude, double longitude, IReadOnlyList<DistributionCenter> dcs)
    {
        var best = (DcId: 0L, RoadMiles: double.MaxValue);
        foreach (var dc in dcs)
        {
            var miles = Haversine.RoadMiles(latitude, longitude, dc.Latitude, dc.Longitude);
            if (miles < best.RoadMiles)
            {
                best = (dc.DcId, miles);
            }
        }

        return best;
    }

    private static long[] Neighbors(Store store, IReadOnlyList<Store> stores) =>
        stores
            .Where(other => other.StoreId != store.StoreId
                && Haversine.Miles(store.Latitude, store.Longitude, other.Latitude, other.Longitude) <= NeighborRadiusMiles)
            .Select(other => other.StoreId)
            .ToArray();
}
