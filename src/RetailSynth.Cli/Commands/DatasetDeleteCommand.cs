using System.ComponentModel;
using RetailSynth.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth dataset delete --confirm ID</c>: empties the database of its dataset; a wrong id deletes nothing (exit 1).</summary>
public sealed class DatasetDeleteCommand(CommandRuntime runtime) : Command<DatasetDeleteCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--confirm <DATASET_ID>")]
        [Description("The id of the dataset to delete, as `retailsynth status` shows it.")]
        public string? Confirm { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Confirm)
                ? ValidationResult.Error("--confirm <DATASET_ID> is required: type the id `retailsynth status` shows to delete that dataset.")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var result = new DatasetDeletion(new WriterGate()).Delete(options.Storage.DatabasePath, settings.Confirm);
        runtime.Environment.Out.WriteLine(
            $"Deleted dataset {result.DatasetId} ({result.RowsDeleted:N0} rows: dimensions, facts, outbox and simulator state) from {options.Storage.DatabasePath}");
        return CliApp.ExitOk;
    }
}
