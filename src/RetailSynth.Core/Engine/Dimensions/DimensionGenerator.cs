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

    public static DimensionSet Generate(SimulationOptions options, ReferenceDictionaries dictionaries, Region region)
    {
        var random = new RandomHierarchy(options.Seed, region.Index);
        var dcStream = random.Stream(RandomComponents.DistributionCenters);
        var hubs = HubSelector.Select(dictionaries, options.DistributionCenters, dcStream);
        var geographies = GeographySampler.Sample(dictionaries, hubs, options.Geographies, random);

        var dcs = NetworkPlanner.PlaceDistributionCenters(geographies, hubs.Count, dictionaries, dcStream);
        var stores = NetworkPlanner.PlaceStores(options, geographies, dcs, dictionaries, random);
        var offsets = IdOffsets.Draw(random);
        var customers = CustomerGenerator.Generate(
            options.Customers, options.StartDate, geographies, stores, dictionaries, random, (offsets.Ble, offsets.Ad));
        var products = ProductCatalog.Generate(options.Products, options.StartDate, dictionaries, random);
        var demand = StoreDemandBaseline.Create(options, stores, customers, products);
        (stores, var routes) = RoutePlanner.Plan(dcs, stores, demand.Units, options.TruckCapacityUnits);
        var (trucks, fleet) = FleetPlanner.Plan(options, dcs, stores, routes, demand.Units, offsets.LicensePlate);

        return new DimensionSet(geographies, dcs, stores, trucks, customers, products, fleet) { Region = region };
    }
}
