using System.Text.Json;

namespace RetailSynth.Cli.Tests;

/// <summary>The executable's runtime settings are measured choices (docs/decisions.md); removing one must be deliberate.</summary>
public class RuntimeConfigurationTests
{
    [Fact]
    public void The_executable_runs_without_the_instrumented_tier_with_loops_optimized_at_once_and_a_conserving_gc()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "retailsynth.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.Equal(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
