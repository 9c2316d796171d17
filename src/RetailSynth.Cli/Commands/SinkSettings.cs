using System.ComponentModel;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>The options of the commands that talk to a sink: <c>outbox drain</c>, <c>sink test</c>, and <c>stream</c>'s base.</summary>
public class SinkSettings : GlobalSettings
{
    [CommandOption("--sink <SINK>")]
    [Description("file, stdout, eventhubs or kafka (default: Streaming:Sink).")]
    public string? Sink { get; init; }

    public override IReadOnlyDictionary<string, string?> ConfigurationOverrides() =>
        WithOverrides(base.ConfigurationOverrides(), ("Streaming:Sink", Sink));
}
