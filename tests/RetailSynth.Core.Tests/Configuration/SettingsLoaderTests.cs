using RetailSynth.Configuration;
using RetailSynth.Dictionaries;
using RetailSynth.Errors;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Configuration;

public class SettingsLoaderTests
{
    private static readonly DictionaryLimits s_limits = ReferenceDictionaries.LoadEmbedded().Limits;

    private static RetailSynthSettings Load(
        Dictionary<string, string?>? environment = null, Dictionary<string, string?>? overrides = null, string? json = null)
    {
        using var folder = new TempFolder();
        if (json is not null)
        {
            File.WriteAllText(folder.File(SettingsSources.DefaultConfigFile), json);
        }

        return SettingsLoader.Load(
            new SettingsSources
            {
                WorkingDirectory = folder.Path,
                Environment = environment ?? [],
                Overrides = overrides ?? [],
            },
            s_limits);
    }

    private static SettingsException LoadFails(Dictionary<string, string?> overrides, string? json = null) =>
        Assert.Throws<SettingsException>(() => Load(overrides: overrides, json: json));

    [Fact]
    public void Small_profile_is_the_default()
    {
        var settings = Load();
        Assert.Equal("small", settings.Simulation.Profile);
        Assert.Equal(20, settings.Simulation.Stores);
        Assert.Equal(20_000, settings.Simulation.Customers);
        Assert.Equal(new DateOnly(2024, 1, 1), settings.Simulation.StartDate);
        Assert.Equal(0.25m, settings.Simulation.MarketingCost["EMAIL"].Max);
    }

    [Fact]
    public void Large_profile_applies_its_column_and_single_values_can_be_overridden()
    {
        var settings = Load(overrides: new() { ["Simulation:Profile"] = "large", ["Simulation:Stores"] = "50" });
        Assert.Equal(403_000, settings.Simulation.Customers);
        Assert.Equal(50, settings.Simulation.Stores);
    }

    [Fact]
    public void Command_line_overrides_environment_which_overrides_the_file()
    {
        const string json = """{ "Simulation": { "Seed": 1, "Stores": 5, "Customers": 900 } }""";
        var env = new Dictionary<string, string?> { ["RETAILSYNTH__Simulation__Seed"] = "2", ["RETAILSYNTH__Simulation__Stores"] = "6", ["PATH"] = "/bin" };
        var settings = Load(environment: env, overrides: new() { ["Simulation:Seed"] = "3" }, json: json);
        Assert.Equal(3, settings.Simulation.Seed);
        Assert.Equal(6, settings.Simulation.Stores);
        Assert.Equal(900, settings.Simulation.Customers);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_naming_its_setting()
    {
        var error = LoadFails(new()
        {
            ["Simulation:Customers"] = "-5",
            ["Simulation:StoreReorderPointMin"] = "60",
            ["Simulation:StoreReorderPointMax"] = "50",
            ["Simulation:Seed"] = "abc",
        });
        Assert.Contains(error.Problems, p => p.StartsWith("Simulation:Customers must be > 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Simulation:StoreReorderPointMin (60) must not exceed Simulation:StoreReorderPointMax (50)", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Simulation:Seed must be a whole number", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void More_distribution_centers_than_geographies_is_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Geographies"] = "5", ["Simulation:DistributionCenters"] = "6" });
        Assert.Contains("Simulation:DistributionCenters (6) must not exceed Simulation:Geographies (5)", error.Message);
    }

    [Fact]
    public void Geographies_beyond_the_dictionary_are_rejected()
    {
        var error = LoadFails(new() { ["Simulation:Geographies"] = "100000" });
        Assert.Contains("exceeds the", error.Message);
        Assert.Contains("Simulation:Geographies", error.Message);
    }

    [Fact]
    public void Unknown_profile_is_rejected_with_the_valid_names()
    {
        var error = LoadFails(new() { ["Simulation:Profile"] = "medium" });
        Assert.Contains("Simulation:Profile 'medium' is not a profile (use small or large)", error.Message);
    }

    [Fact]
    public void Unknown_setting_is_rejected_with_a_suggestion()
    {
        var error = LoadFails(new() { ["Simulation:Customer"] = "10" });
        Assert.Contains("unknown setting 'Simulation:Customer' (did you mean 'Simulation:Customers'?)", error.Message);
    }

    [Fact]
    public void Unknown_setting_in_the_file_is_rejected_too()
    {
        var error = LoadFails([], json: """{ "Simulation": { "Colour": "blue" } }""");
        Assert.Contains("unknown setting 'Simulation:Colour'", error.Message);
    }

    [Fact]
    public void Malformed_json_file_is_reported_as_such()
    {
        var error = LoadFails([], json: "{ \"Simulation\": ");
        Assert.Contains("is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("Simulation:StartDate", "2024-13-01", "a date in yyyy-MM-dd form")]
    [InlineData("Simulation:TruckDcAssignmentRate", "0", "must be > 0 and ≤ 1")]
    [InlineData("Simulation:MarketingCost:EMAIL:Min", "9", "Simulation:MarketingCost:EMAIL:Min (9) must not exceed")]
    [InlineData("Simulation:StoreInitialInventoryMin", "10", "must be at least 3 × Simulation:StoreReorderPointMin")]
    [InlineData("Performance:MaxDegreeOfParallelism", "0", "Performance:MaxDegreeOfParallelism must be ≥ 1")]
    public void Invalid_values_name_the_setting_and_the_rule(string key, string value, string expected)
    {
        var error = LoadFails(new() { [key] = value });
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Explicit_config_file_that_does_not_exist_is_an_error()
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load(
            new SettingsSources { ConfigFile = "/nonexistent/retailsynth.json" }, s_limits));
        Assert.Contains("does not exist", error.Message);
    }
}
