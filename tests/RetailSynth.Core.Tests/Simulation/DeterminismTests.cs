using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Simulation;

public class DeterminismTests
{
    private static RetailSynthSettings Settings(string databasePath, int threads, string start = "2024-03-08")
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Performance:MaxDegreeOfParallelism"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulation:StartDate"] = start,
            ["Simulation:Customers"] = "2000",
            ["Simulation:Products"] = "500",
            ["Simulation:Stores"] = "6",
            ["Simulation:Geographies"] = "30",
            ["Simulation:CustomersPerStoreDay"] = "40",
            ["Simulation:RefrigeratedTrucks"] = "8",
            ["Simulation:DryTrucks"] = "8",
        };
        return SettingsLoader.Load(new SettingsSources { Overrides = overrides }, SimulationFixture.Dictionaries.Limits);
    }

    private static string Generate(string path, int threads, params int[] batches)
    {
        var settings = Settings(path, threads);
        new DimensionJob(settings, SimulationFixture.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        foreach (var days in batches)
        {
            new FactGenerationJob(settings, SimulationFixture.Dictionaries, NullLogger<FactGenerationJob>.Instance)
                .Run(new FactGenerationJob.Range(days, null), _ => { }, CancellationToken.None);
        }

        using var database = RetailDatabase.Open(path);
        return DatasetHasher.Hash(database, DatasetTables.Hashed);
    }

    [Fact]
    public void Thread_count_never_changes_a_single_row()
    {
        using var folder = new TempFolder();
        Assert.Equal(Generate(folder.File("one.duckdb"), 1, 4), Generate(folder.File("four.duckdb"), 4, 4));
    }

    [Fact]
    public void Days_generated_in_batches_with_state_reloaded_from_the_database_equal_one_run()
    {
        // The spring-forward DST change (2024-03-10) lies inside the range.
        using var folder = new TempFolder();
        Assert.Equal(Generate(folder.File("once.duckdb"), 2, 4), Generate(folder.File("batches.duckdb"), 2, 1, 2, 1));
    }
}
