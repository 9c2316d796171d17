using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox requeue-dead</c>: dead events back to pending, sent before the next day (streaming.md §4).</summary>
public sealed class OutboxRequeueDeadCommand(CommandRuntime runtime) : AsyncCommand<GlobalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken) =>
        runtime.ChangeOutboxAsync(settings, streaming => $"Requeued {streaming.RequeueDead():N0} dead events; the next `retailsynth stream` sends them before any new day.");
}
