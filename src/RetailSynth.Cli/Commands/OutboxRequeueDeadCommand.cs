using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox requeue-dead</c>: dead events back to pending, sent before the next day (streaming.md §4).</summary>
public sealed class OutboxRequeueDeadCommand(CommandRuntime runtime) : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        using var logging = runtime.CreateLogging(settings);
        await using var streaming = runtime.CreateStreaming(options, logging);
        var requeued = streaming.RequeueDead();
        runtime.Environment.Out.WriteLine($"Requeued {requeued:N0} dead events; the next `retailsynth stream` sends them before any new day.");
        return CliApp.ExitOk;
    }
}
