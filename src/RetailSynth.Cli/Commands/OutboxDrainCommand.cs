using RetailSynth.Jobs.Streaming;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth outbox drain</c>: sends every pending event to the sink, simulates no new day, then exits 0 with the
/// counts. An empty outbox is said so (exit 0). Ctrl-C stops gracefully: the in-flight batch is acknowledged.
/// </summary>
public sealed class OutboxDrainCommand(CommandRuntime runtime) : AsyncCommand<SinkSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SinkSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = runtime.OpenStreaming(settings);
        var streaming = scope.Streaming;
        var console = runtime.Environment.Error; // stdout may be the sink: it carries nothing but events
        var before = streaming.GetOutboxStatus();
        var drain = streaming.Drain(new StreamRequest());
        if (!drain.Started)
        {
            console.WriteLine($"The outbox is empty: nothing to drain ({before.Dead:N0} dead).");
            return CliApp.ExitOk;
        }

        console.WriteLine($"Draining {before.BacklogEvents:N0} pending events to {drain.Status.Sink}; no new day is simulated. Ctrl-C stops gracefully.");
        using var stopOnCancel = cancellationToken.Register(() => _ = streaming.StopAsync(CancellationToken.None));
        await streaming.WaitAsync(CancellationToken.None);

        var sent = streaming.Status.EventsSent;
        var after = streaming.GetOutboxStatus();
        console.WriteLine($"Drained: {sent:N0} events sent; outbox: {after.BacklogEvents:N0} pending, {after.Dead:N0} dead.");
        if (streaming.LastError is { } error)
        {
            throw new RetailSynthException($"The drain failed: {error}");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return CliApp.ExitCancelled;
        }

        return after.BacklogEvents == 0
            ? CliApp.ExitOk
            : throw new RetailSynthException($"The drain ended with {after.BacklogEvents:N0} events still pending (the sink stopped taking events; see the log).");
    }
}
