using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Simulation;

/// <summary>A reduced small profile (fewer customers and products) for fast simulation tests.</summary>
public static class SimulationFixture
{
    public static readonly ReferenceDictionaries Dictionaries = ReferenceDictionaries.LoadEmbedded();

    public static SimulationOptions Options(DateOnly? start = null, int stores = 6)
    {
        var options = SimulationProfiles.Create("small")!;
        options.Stores = stores;
        options.Customers = 3_000;
        options.Products = 600;
        options.Geographies = 30;
        options.CustomersPerStoreDay = 60;
        options.RefrigeratedTrucks = 8;
        options.DryTrucks = 8;
        options.StartDate = start ?? new DateOnly(2024, 1, 1);
        return options;
    }

    public static DaySimulator Simulator(SimulationOptions options, int threads = 2) =>
        new(new SimulationWorld(options, DimensionGenerator.Generate(options, Dictionaries), Dictionaries), threads);
}
