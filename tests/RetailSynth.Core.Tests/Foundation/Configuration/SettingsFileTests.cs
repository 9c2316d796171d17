using System.Text.Json;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public class SettingsFileTests
{
    private static readonly DictionaryLimits s_limits = ReferenceDictionaries.LoadEmbedded().Limits;

    [Fact]
    public void Secret_keys_are_found_whatever_their_case_and_named_as_the_build_names_them()
    {
        var secrets = SettingsFile.SecretKeysIn("""{"streaming": {"eventhubs": {"connectionstring": "x"}}, "Server": {"ApiKey": null}, "Simulation": {"Seed": 1}}""");

        Assert.Equal(["Streaming:EventHubs:ConnectionString"], secrets);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once_and_an_environment_secret_satisfies_a_sink_that_needs_one()
    {
        var problems = SettingsFile.Validate("""{"Simulation": {"Customers": -5, "Stors": 4}}""", new Dictionary<string, string?>(), s_limits);
        Assert.Equal(2, problems.Count);

        const string eventHubs = """{"Streaming": {"Sink": "eventhubs", "EventHubs": {"EventHubName": "retail"}}}""";
        Assert.NotEmpty(SettingsFile.Validate(eventHubs, new Dictionary<string, string?>(), s_limits));
        var environment = new Dictionary<string, string?> { ["RETAILSYNTH__Streaming__EventHubs__ConnectionString"] = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v" };
        Assert.Empty(SettingsFile.Validate(eventHubs, environment, s_limits));
    }

    [Fact]
    public void Write_replaces_the_file_keeping_its_secrets_and_read_returns_it_without_them()
    {
        using var folder = new TempFolder();
        var path = folder.File("retailsynth.json");
        File.WriteAllText(path, """{"Server": {"ApiKey": "kept-secret-0123456789", "Urls": "http://127.0.0.1:9000"}, "Simulation": {"Seed": 1}}""");

        SettingsFile.Write(path, """{"simulation": {"Seed": 2}}""");

        using (var written = JsonDocument.Parse(File.ReadAllText(path)))
        {
            Assert.Equal(2, written.RootElement.GetProperty("simulation").GetProperty("Seed").GetInt32());
            Assert.Equal("kept-secret-0123456789", written.RootElement.GetProperty("Server").GetProperty("ApiKey").GetString());
            Assert.False(written.RootElement.GetProperty("Server").TryGetProperty("Urls", out _)); // the body replaced the rest
        }

        var read = SettingsFile.ReadWithoutSecrets(path).ToJsonString();
        Assert.DoesNotContain("kept-secret", read, StringComparison.Ordinal);
        Assert.Contains("\"Seed\":2", read, StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(folder.Path)); // no temporary file left beside it
    }
}
