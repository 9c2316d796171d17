using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth sink test</c>: probes the configured sink without sending an event (Event Hubs properties, Kafka
/// metadata, the file folder writable). Exit 0 when it answers; exit 1 with one line naming the classified failure.
/// </summary>
public sealed class SinkTestCommand(CommandRuntime runtime) : AsyncCommand<SinkSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SinkSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = runtime.OpenStreaming(settings, readsOnly: true);
        var test = await scope.Streaming.TestConnectionAsync(null, cancellationToken);
        if (!test.Ok)
        {
            var kind = test.Kind?.ToString().ToLowerInvariant() ?? "failure";
            throw new RetailSynthException($"The {test.Sink} sink test failed ({kind}, {test.ElapsedMs:N0} ms): {test.Reason}");
        }

        runtime.Environment.Out.WriteLine($"ok: the {test.Sink} sink answered in {test.ElapsedMs:N0} ms; no event was sent.");
        return CliApp.ExitOk;
    }
}
