using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// The DC hubs of one region (scale-out §1). With one region, the pass of data-model §6.2, closer separations included.
/// With R regions, one pass at 400 mi over the shared <c>dims.dcs</c> keys until R × D hubs exist; region r takes hubs
/// r·D + 1 … (r + 1)·D, and the addresses are drawn in selection order, so region r's depend on the hubs before it only.
/// </summary>
internal static class RegionHubs
{
    /// <summary>
    /// Refuses, before anything is written, a dataset whose R × D hubs the 400-mi pass cannot place. Cheap: one pass over
    /// the hub-eligible rows, no dimension is generated. Nothing to check with one region.
    /// </summary>
    /// <exception cref="RefusedException">R × D exceeds the hubs the pass places (<see cref="RefusalReason.TooManyHubs"/>).</exception>
    public static void EnsurePlaceable(SimulationOptions options, ReferenceDictionaries dictionaries)
    {
        if (options.Regions > 1)
        {
            _ = AllHubs(options.Regions, options.DistributionCenters, dictionaries, new RandomHierarchy(options.Seed).Stream(RandomComponents.DistributionCenters));
        }
    }

    /// <summary>
    /// The region's hubs (dictionary indexes, in dc_id order) and the hubs of the regions before it. Leaves
    /// <paramref name="dcStream"/> at the region's first DC address: the addresses of earlier regions' hubs are drawn and
    /// dropped, so every DC keeps the address of its place in the one selection order.
    /// </summary>
    /// <exception cref="RefusedException">R × D exceeds the hubs the 400-mi pass places.</exception>
    public static (List<int> Hubs, List<int> EarlierRegionsHubs) Select(
        SimulationOptions options, ReferenceDictionaries dictionaries, Region region, RandomStream dcStream)
    {
        if (!region.IsSharded)
        {
            return (HubSelector.Select(dictionaries, options.DistributionCenters, dcStream), []);
        }

        var all = AllHubs(region.Count, options.DistributionCenters, dictionaries, dcStream);
        var perRegion = options.DistributionCenters;
        var earlier = perRegion * region.Index;
        for (var i = 0; i < earlier; i++)
        {
            _ = Addresses.Industrial(dcStream, dictionaries);
        }

        return (all.GetRange(earlier, perRegion), all.GetRange(0, earlier));
    }

    private static List<int> AllHubs(int regions, int perRegion, ReferenceDictionaries dictionaries, RandomStream dcStream)
    {
        var wanted = regions * perRegion;
        var hubs = HubSelector.SelectSeparated(dictionaries, wanted, dcStream);
        if (hubs.Count < wanted)
        {
            // The pass ran to its end without reaching R × D: hubs.Count is every hub it can place.
            throw new RefusedException(
                RefusalReason.TooManyHubs,
                $"Regions × DistributionCenters = {wanted} exceeds the {hubs.Count} hubs the geography dictionary places ≥ 400 mi apart with this seed",
                "; lower Regions or DistributionCenters");
        }

        return hubs;
    }
}
