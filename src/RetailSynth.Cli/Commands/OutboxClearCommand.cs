using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox clear</c>: discards every outbox row (never sent); the facts stay.</summary>
public sealed class OutboxClearCommand(CommandRuntime runtime) : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        using var logging = runtime.CreateLogging(settings);
        await using var streaming = runtime.CreateStreaming(options, logging);
        var cleared = streaming.Clear();
        runtime.Environment.Out.WriteLine($"Cleared {cleared:N0} outbox rows; they will never be sent (their facts stay).");
        return CliApp.ExitOk;
    }
}
