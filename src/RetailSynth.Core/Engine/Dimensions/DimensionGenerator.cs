using RetailSynth.Engine.Planning;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// Builds the six dimensions of data-model §6 from the settings and dictionaries. Pure: no I/O,
/// no clock; each dimension draws from its own stream, so the result depends on the seed only.
/// Order of generation (§6): DC hubs, geographies, stores, customers, products, then routes
/// (from the stores' expected demand, §13.1) and trucks.
/// </summary>
internal static class DimensionGenerator
{
    /// <summary>Region 0 of the dataset: with <c>Regions = 1</c>, the whole network.</summary>
    public static DimensionSet Generate(SimulationOptions options, ReferenceDictionaries dictionaries) =>
        Generate(options, dictionaries, new Region(0, options.Regions));

    /// <summary>
    /// Region <paramref name="region"/> of the dataset (scale-out §1–2): its hubs of the one 400-mi pass, the geographies
    /// near them and not near an earlier region's hubs, its stores, customers and fleet, keys offset by r × 10⁸. Depends
    /// on the region's index, not on how many regions there are (the count only decides whether the pass can place them).
    /// </summary>
    /// <exception cref="RefusedException">Regions × DistributionCenters exceeds the hubs the 400-mi pass places.</exception>
    public static DimensionSet Generate(SimulationOptions options, ReferenceDictionaries dictionaries, Region region)
    {
        var random = new RandomHierarchy(options.Seed, region.Index);
        var dcStream = random.Stream(RandomComponents.DistributionCenters);
        var (hubs, earlierRegionsHubs) = RegionHubs.Select(options, dictionaries, region, dcStream);
        var geographies = GeographySampler.Sample(dictionaries, hubs, options.Geographies, random, earlierRegionsHubs);

        var dcs = NetworkPlanner.PlaceDistributionCenters(geographies, hubs.Count, dictionaries, dcStream);
        var stores = NetworkPlanner.PlaceStores(options, geographies, dcs, dictionaries, random);
        var offsets = IdOffsets.Draw(random);
        var customers = CustomerGenerator.Generate(
            options.Customers, options.StartDate, geographies, stores, dictionaries, random, (offsets.Ble, offsets.Ad));
        var products = ProductCatalog.Generate(options.Products, options.StartDate, dictionaries, random);
        var demand = StoreDemandBaseline.Create(options, stores, customers, products);
        (stores, var routes) = RoutePlanner.Plan(dcs, stores, demand.Units, options.TruckCapacityUnits);
        var (trucks, fleet) = FleetPlanner.Plan(options, dcs, stores, routes, demand.Units, offsets.LicensePlate);

        return RegionalKeys.Offset(new DimensionSet(geographies, dcs, stores, trucks, customers, products, fleet) { Region = region }, offsets);
    }
}
