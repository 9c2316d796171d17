using RetailSynth.Domain;
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
        options.StartDate = start ?? new DateOnly(2024, 1, 1);
        return options;
    }

    /// <param name="options">The world's settings.</param>
    /// <param name="threads">Phase B threads.</param>
    /// <param name="adjust">Changes the generated dimensions before the world is built (a case the seed does not give).</param>
    public static DaySimulator Simulator(SimulationOptions options, int threads = 2, Func<DimensionSet, DimensionSet>? adjust = null)
    {
        var dimensions = DimensionGenerator.Generate(options, Dictionaries);
        return new(new SimulationWorld(options, adjust is null ? dimensions : adjust(dimensions), Dictionaries), threads);
    }

    /// <summary>Store 1 opens 24/7 (H24): few generated worlds hold one (§6.3 gives it to urban EXPRESS stores only).</summary>
    public static DimensionSet WithFirstStoreOpen24Hours(DimensionSet dimensions)
    {
        var hours = StoreProfiles.HoursFor(HoursClasses.H24);
        var first = dimensions.Stores[0] with
        {
            HoursClass = HoursClasses.H24,
            OperatingHours = hours.Label,
            OpenMinute = hours.OpenMinute,
            CloseMinute = hours.CloseMinute,
        };
        return dimensions with { Stores = [first, .. dimensions.Stores.Skip(1)] };
    }

    /// <summary>
    /// Store i gets the (i mod 5)-th store format, so a short run measures every format: the model v2 placement of a
    /// few stores holds only two or three of them.
    /// </summary>
    public static DimensionSet WithEveryStoreFormat(DimensionSet dimensions) =>
        dimensions with
        {
            Stores = [.. dimensions.Stores.Select((store, i) => store with { StoreFormat = StoreFormats.All[i % StoreFormats.All.Count] })],
        };
}
