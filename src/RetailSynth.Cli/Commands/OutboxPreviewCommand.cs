using System.ComponentModel;
using System.Globalization;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth outbox preview|dead</c>: rows in outbox_id order, bodies included with --bodies.</summary>
public sealed class OutboxPreviewCommand(CommandRuntime runtime) : AsyncCommand<OutboxPreviewCommand.Settings>
{
    public class Settings : GlobalSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("pending, sent or dead (default: all).")]
        public string? Status { get; init; }

        [CommandOption("--order <ORDER>")]
        [Description("oldest (default) or newest.")]
        public string Order { get; init; } = "oldest";

        [CommandOption("--limit <N>")]
        [Description("1 to 1000 rows (default 20).")]
        public string Limit { get; init; } = "20";

        [CommandOption("--bodies")]
        [Description("Print each event's JSON body (NDJSON) instead of a table.")]
        public bool Bodies { get; init; }

        public virtual OutboxRowStatus? ParsedStatus => Status is null ? null : Enum.Parse<OutboxRowStatus>(Status, ignoreCase: true);

        public int ParsedLimit => int.Parse(Limit, CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (Status is not null && !(Enum.TryParse<OutboxRowStatus>(Status, ignoreCase: true, out _) && !int.TryParse(Status, out _)))
            {
                return ValidationResult.Error($"--status must be pending, leased, sent or dead, got '{Status}'.");
            }

            if (Order is not ("oldest" or "newest"))
            {
                return ValidationResult.Error($"--order must be oldest or newest, got '{Order}'.");
            }

            if (!int.TryParse(Limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > 1000)
            {
                return ValidationResult.Error($"--limit must be between 1 and 1000, got '{Limit}'.");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var scope = runtime.OpenStreaming(settings, readsOnly: true);
        var rows = scope.Streaming.Preview(settings.ParsedStatus, settings.Order == "newest", settings.ParsedLimit);
        var output = runtime.Environment.Out;
        if (settings.Bodies)
        {
            foreach (var row in rows)
            {
                output.Profile.Out.Writer.WriteLine(row.Body);
            }

            return CliApp.ExitOk;
        }

        var table = new Table();
        foreach (var column in new[] { "outbox_id", "event_ts", "event_type", "partition_key", "status", "attempts", "last_error" })
        {
            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            table.AddRow(
                row.OutboxId.ToString(CultureInfo.InvariantCulture), row.EventTs.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                row.EventType, Markup.Escape(row.PartitionKey), row.Status.ToString().ToLowerInvariant(),
                row.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(row.LastError ?? string.Empty));
        }

        output.Write(table);
        output.WriteLine($"{rows.Count} rows");
        return CliApp.ExitOk;
    }
}
