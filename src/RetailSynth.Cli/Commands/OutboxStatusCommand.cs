using RetailSynth.Jobs.Streaming;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox status</c>: the figures of streaming.md §7 for the database.</summary>
public sealed class OutboxStatusCommand(CommandRuntime runtime) : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = runtime.OpenStreaming(settings, readsOnly: true);
        var s = scope.Streaming.GetOutboxStatus();
        var table = new Table().AddColumn("outbox").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("pending", s.Pending.ToString("N0"));
        table.AddRow("leased", s.Leased.ToString("N0"));
        table.AddRow("sent", s.Sent.ToString("N0"));
        table.AddRow("dead", s.Dead.ToString("N0"));
        table.AddRow("oldest pending event", s.OldestPendingEventTs?.ToString("yyyy-MM-dd HH:mm:ss.fff") ?? "-");
        table.AddRow("newest pending event", s.NewestPendingEventTs?.ToString("yyyy-MM-dd HH:mm:ss.fff") ?? "-");
        table.AddRow("last committed day", s.LastCommittedDay?.ToString("yyyy-MM-dd") ?? "-");
        table.AddRow("day being drained", s.DayBeingDrained?.ToString("yyyy-MM-dd") ?? "-");
        table.AddRow("backlog (events / days)", $"{s.BacklogEvents:N0} / {s.BacklogDays}");
        table.AddRow("attempts of the head event", s.HeadAttempts.ToString("N0"));
        runtime.Environment.Out.Write(table);
        return CliApp.ExitOk;
    }
}
