using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Engine.Simulation;

public class DeterminismTests
{
    private static string Generate(string path, int threads, params int[] batches)
    {
        var settings = ReducedWorld.Settings(path, "2024-03-08", stores: 6, other: new Dictionary<string, string?>
        {
            ["Performance:MaxDegreeOfParallelism"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        new DimensionJob(settings, ReducedWorld.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        foreach (var days in batches)
        {
            new FactGenerationJob(settings, ReducedWorld.Dictionaries, NullLogger<FactGenerationJob>.Instance)
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
