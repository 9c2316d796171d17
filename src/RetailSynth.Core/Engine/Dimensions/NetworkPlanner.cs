using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_distribution_centers (§6.2) and dim_stores (§6.3): where the network stands and how each store trades.</summary>
internal static class NetworkPlanner
{
    public static List<DistributionCenter> PlaceDistributionCenters(
        IReadOnlyList<Geography> strategic, int count, ReferenceDictionaries d, RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.DistributionCenters);
        return strategic.Take(count)
            .Select((g, i) => new DistributionCenter(i + 1, Identifiers.DcNumber(i + 1), Addresses.Industrial(stream, d), g.GeographyId, g.TimeZone))
            .ToList();
    }

    public static List<Store> PlaceStores(
        SimulationOptions options,
        IReadOnlyList<Geography> strategic,
        IReadOnlyList<DistributionCenter> dcs,
        IReadOnlyDictionary<long, Geography> geographyById,
        ReferenceDictionaries d,
        RandomHierarchy random)
    {
        var dcStates = dcs.Select(dc => geographyById[dc.GeographyId].State).ToHashSet(StringComparer.Ordinal);
        var candidates = strategic.Where(g => dcStates.Contains(g.State)).ToList();

        // One store per candidate first, then the rest by weight (largest remainder), candidate by candidate.
        var placement = candidates.Take(options.Stores).ToList();
        var extra = options.Stores - placement.Count;
        if (extra > 0)
        {
            var counts = LargestRemainder.Distribute(extra, candidates.Select(c => c.PlacementWeight).ToList());
            for (var i = 0; i < candidates.Count; i++)
            {
                placement.AddRange(Enumerable.Repeat(candidates[i], counts[i]));
            }
        }

        var stream = random.Stream(RandomComponents.Stores);
        var taxes = new TaxRateLookup(d.TaxRates);
        var stores = new List<Store>(placement.Count);
        for (var i = 0; i < placement.Count; i++)
        {
            var geography = placement[i];
            var storeId = i + 1;
            var address = Addresses.Commercial(stream, d);
            var profile = StoreProfiles.Draw(stream, geography.Region);
            stores.Add(new Store(
                storeId,
                Identifiers.StoreNumber(storeId),
                address,
                geography.GeographyId,
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
                NearestDc(geography, dcs, geographyById)));
        }

        return stores;
    }

    private static long NearestDc(Geography from, IReadOnlyList<DistributionCenter> dcs, IReadOnlyDictionary<long, Geography> geographyById) =>
        dcs.Select(dc => (dc.DcId, Miles: Haversine.Miles(from, geographyById[dc.GeographyId])))
            .OrderBy(x => x.Miles).ThenBy(x => x.DcId)
            .First().DcId;
}
