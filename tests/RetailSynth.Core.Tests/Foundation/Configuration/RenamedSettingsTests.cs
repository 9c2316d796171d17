using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Reference;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public class RenamedSettingsTests
{
    private static readonly DictionaryLimits s_limits = ReferenceDictionaries.LoadEmbedded().Limits;

    private static SettingsException LoadFails(string? json = null, Dictionary<string, string?>? environment = null)
    {
        using var folder = new TempFolder();
        if (json is not null)
        {
            File.WriteAllText(folder.File(SettingsSources.DefaultConfigFile), json);
        }

        return Assert.Throws<SettingsException>(() => SettingsLoader.Load(
            new SettingsSources { WorkingDirectory = folder.Path, Environment = environment ?? [], Overrides = new Dictionary<string, string?>() },
            s_limits));
    }

    [Fact]
    public void A_model_v1_MarketingCost_setting_in_the_file_is_refused_naming_its_MarketingCpm_replacement()
    {
        var error = LoadFails(json: """{ "Simulation": { "MarketingCost": { "SEARCH": { "Min": 1.0, "Max": 5.0 } } } }""");

        Assert.Contains(
            "setting 'Simulation:MarketingCost:SEARCH:Min' was replaced in model v2 by 'Simulation:MarketingCpm:SEARCH:Min', "
            + "in USD per 1,000 impressions instead of per impression (multiply the old value by 1,000)",
            error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("setting 'Simulation:MarketingCost:SEARCH:Max' was replaced in model v2 by 'Simulation:MarketingCpm:SEARCH:Max'", StringComparison.Ordinal));
        Assert.Equal(2, error.Problems.Count);
        Assert.DoesNotContain(error.Problems, p => p.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_v1_MarketingCost_environment_variable_is_refused_whatever_its_case()
    {
        var error = LoadFails(environment: new() { ["RETAILSYNTH__simulation__marketingcost__EMAIL__Max"] = "0.25" });

        var problem = Assert.Single(error.Problems);
        Assert.Equal(
            "setting 'simulation:marketingcost:EMAIL:Max' was replaced in model v2 by 'Simulation:MarketingCpm:EMAIL:Max', "
            + "in USD per 1,000 impressions instead of per impression (multiply the old value by 1,000)",
            problem);
    }

    [Theory]
    [InlineData("RefrigeratedTrucks")]
    [InlineData("DryTrucks")]
    [InlineData("TruckDcAssignmentRate")]
    public void A_model_v1_fleet_setting_is_refused_saying_the_fleet_is_now_sized_from_demand(string setting)
    {
        var error = LoadFails(json: $$"""{ "Simulation": { "{{setting}}": 1 } }""");

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"setting 'Simulation:{setting}' was removed in model v2: the DC fleet is sized from expected demand; use ", problem);
        Assert.Contains("Simulation:PoolTruckShare", problem);
    }

    [Theory]
    [InlineData("0", "Simulation:MarketingCpm:DISPLAY:Min must be > 0 USD per 1,000 impressions, got 0")]
    [InlineData("-2", "Simulation:MarketingCpm:DISPLAY:Min must be > 0 USD per 1,000 impressions, got -2")]
    [InlineData("9", "Simulation:MarketingCpm:DISPLAY:Min (9) must not exceed Simulation:MarketingCpm:DISPLAY:Max (8)")]
    public void A_marketing_cpm_needs_a_positive_minimum_no_larger_than_its_maximum(string min, string expected)
    {
        var error = LoadFails(json: $$"""{ "Simulation": { "MarketingCpm": { "DISPLAY": { "Min": {{min}} } } } }""");

        Assert.Equal(expected, Assert.Single(error.Problems));
    }
}
