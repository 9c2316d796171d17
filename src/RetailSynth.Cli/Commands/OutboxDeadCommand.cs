using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox dead</c>: the dead letters (preview with status dead).</summary>
public sealed class OutboxDeadCommand(CommandRuntime runtime) : AsyncCommand<OutboxDeadCommand.Settings>
{
    public sealed class Settings : OutboxPreviewCommand.Settings
    {
        public override OutboxRowStatus? ParsedStatus => OutboxRowStatus.Dead;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        new OutboxPreviewCommand(runtime).ExecuteAsync(context, settings, cancellationToken);
}
