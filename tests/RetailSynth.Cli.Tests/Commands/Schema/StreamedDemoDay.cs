using System.Text.Json;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands.Schema;

/// <summary>
/// <c>retailsynth demo</c> on a reduced world, run once: a week of history, then one day streamed through the outbox
/// to the file sink. Its NDJSON file is the day of events the schema documents are checked against.
/// </summary>
public sealed class StreamedDemoDay : IAsyncLifetime
{
    public CliRunner Cli { get; } = new();

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public IReadOnlyList<JsonElement> Events { get; private set; } = [];

    public async Task InitializeAsync()
    {
        ReducedWorld.ApplyTo(Cli.Environment, startDate: null, stores: 4, extra: new Dictionary<string, string?> { ["CustomersPerStoreDay"] = "30" });
        var demo = await Cli.RunAsync("demo");
        Assert.True(demo.ExitCode == 0, demo.Error);
        Lines = File.ReadAllLines(Assert.Single(Directory.GetFiles(Cli.File("data/events"), "*.ndjson")));
        Events = [.. Lines.Select(line => JsonDocument.Parse(line).RootElement)];
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}
