using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Reference;

namespace RetailSynth.Tests;

/// <summary>
/// A small, fast world for tests that generate facts: a few stores, 2,000 customers, 500 products.
/// The same settings serve in-process jobs (configuration keys) and CLI runs (environment variables).
/// </summary>
public static class ReducedWorld
{
    public static readonly ReferenceDictionaries Dictionaries = ReferenceDictionaries.LoadEmbedded();

    /// <summary>
    /// The Simulation settings, keyed relative to the section; <paramref name="extra"/> adds or overrides.
    /// A null <paramref name="startDate"/> leaves the start date to the configuration file or the default.
    /// </summary>
    public static Dictionary<string, string?> Simulation(string? startDate = "2024-01-01", int stores = 5, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Customers"] = "2000",
            ["Products"] = "500",
            ["Stores"] = stores.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Geographies"] = "30",
            ["CustomersPerStoreDay"] = "40",
        };
        if (startDate is not null)
        {
            settings["StartDate"] = startDate;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The settings as <c>RETAILSYNTH__Simulation__*</c> environment variables, for CLI runs.</summary>
    public static void ApplyTo(IDictionary<string, string?> environment, string? startDate = "2024-01-01", int stores = 5, IReadOnlyDictionary<string, string?>? extra = null)
    {
        foreach (var (key, value) in Simulation(startDate, stores, extra))
        {
            environment[$"{SettingsSources.EnvironmentPrefix}Simulation__{key.Replace(":", "__", StringComparison.Ordinal)}"] = value;
        }
    }

    /// <summary>Validated settings for a database file; <paramref name="other"/> adds keys outside Simulation.</summary>
    public static RetailSynthSettings Settings(
        string databasePath, string startDate = "2024-01-01", int stores = 5, IReadOnlyDictionary<string, string?>? extra = null, IReadOnlyDictionary<string, string?>? other = null)
    {
        var overrides = Simulation(startDate, stores, extra).ToDictionary(kv => $"Simulation:{kv.Key}", kv => kv.Value);
        overrides["Storage:DatabasePath"] = databasePath;
        foreach (var (key, value) in other ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        return SettingsLoader.Load(new SettingsSources { Overrides = overrides }, Dictionaries.Limits);
    }

    /// <summary>Dimensions plus the given days (a count, or up to a date) through the real jobs.</summary>
    public static void Generate(RetailSynthSettings settings, int? days, DateOnly? to = null)
    {
        new DimensionJob(settings, Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        new FactGenerationJob(settings, Dictionaries, NullLogger<FactGenerationJob>.Instance)
            .Run(new FactGenerationJob.Range(days, to), _ => { }, CancellationToken.None);
    }
}
