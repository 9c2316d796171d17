using System.ComponentModel;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>The options of the commands that talk to a sink without streaming (<c>outbox drain</c>, <c>sink test</c>).</summary>
public sealed class SinkSettings : GlobalSettings
{
    [CommandOption("--sink <SINK>")]
    [Description("file, stdout, eventhubs or kafka (default: Streaming:Sink).")]
    public string? Sink { get; init; }

    public override IReadOnlyDictionary<string, string?> ConfigurationOverrides()
    {
        var overrides = new Dictionary<string, string?>(base.ConfigurationOverrides());
        if (Sink is not null)
        {
            overrides["Streaming:Sink"] = Sink;
        }

        return overrides;
    }
}
