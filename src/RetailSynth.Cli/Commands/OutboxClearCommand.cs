using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox clear</c>: discards every outbox row (never sent); the facts stay.</summary>
public sealed class OutboxClearCommand(CommandRuntime runtime) : AsyncCommand<GlobalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken) =>
        runtime.ChangeOutboxAsync(settings, streaming => $"Cleared {streaming.Clear():N0} outbox rows; they will never be sent (their facts stay).");
}
