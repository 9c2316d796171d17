using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// Builds the six dimensions of data-model §6 from the settings and dictionaries. Pure: no I/O,
/// no clock; each dimension draws from its own stream, so the result depends on the seed only.
/// </summary>
internal static class DimensionGenerator
{
    public static DimensionSet Generate(SimulationOptions options, ReferenceDictionaries dictionaries)
    {
        var random = new RandomHierarchy(options.Seed);
        var geographies = GeographySampler.Sample(dictionaries, options.Geographies, random);
        var geographyById = geographies.ToDictionary(g => g.GeographyId);
        var strategic = GeographySampler.StrategicOrder(geographies);

        var dcs = NetworkPlanner.PlaceDistributionCenters(strategic, options.DistributionCenters, dictionaries, random);
        var stores = NetworkPlanner.PlaceStores(options, strategic, dcs, geographyById, dictionaries, random);
        var (trucks, fleet) = FleetPlanner.Plan(options, dcs, stores, geographyById, random);
        var customers = CustomerGenerator.Generate(options.Customers, geographies, stores, dictionaries, random);
        var products = ProductCatalog.Generate(options.Products, options.StartDate, dictionaries, random);

        return new DimensionSet(geographies, dcs, stores, trucks, customers, products, fleet);
    }
}
