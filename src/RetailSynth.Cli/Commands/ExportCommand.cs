using System.ComponentModel;
using System.Globalization;
using RetailSynth.Connectors.Upload;
using RetailSynth.Jobs.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

public sealed class ExportCommand(CommandRuntime runtime, StageReporter stages) : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("parquet (default), csv (with a header row) or delta (one Delta Lake table per table: Parquet files plus _delta_log/ commits, facts partitioned by month=YYYY-MM).")]
        [DefaultValue("parquet")]
        public string Format { get; init; } = "parquet";

        [CommandOption("--tables <LIST>")]
        [Description("Comma-separated table names (default: every dimension and fact table).")]
        public string? Tables { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("Facts with event_ts on or after this UTC date (yyyy-MM-dd); dimensions are always whole.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Facts with event_ts on or before this UTC date (yyyy-MM-dd).")]
        public string? To { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default: data/export); relative to the working directory.")]
        public string? Out { get; init; }

        [CommandOption("--upload <TARGET>")]
        [Description("After the export, upload the output folder to this container URL (or <container>[[/<folder>]] with Upload:ConnectionString); see `upload`.")]
        public string? Upload { get; init; }

        [CommandOption("--create-container")]
        [Description("With --upload: create the container if it does not exist.")]
        public bool CreateContainer { get; init; }

        [CommandOption(RegionOption.Template)]
        [Description("Export only region R's partition (region=R/) of a dataset of several regions, from its own file data/regions/region-RRR.duckdb.")]
        public string? Region { get; init; }

        public ExportFormat? ParsedFormat => Format.ToLowerInvariant() switch
        {
            "parquet" => ExportFormat.Parquet,
            "csv" => ExportFormat.Csv,
            "delta" => ExportFormat.Delta,
            _ => null,
        };

        /// <summary>The --tables names, split and trimmed; null when the option is absent (all tables).</summary>
        public IReadOnlyList<string>? TableNames => Tables?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        public override ValidationResult Validate()
        {
            if (RegionOption.Refuse(Region) is { } badRegion)
            {
                return badRegion;
            }

            if (ParsedFormat is null)
            {
                return ValidationResult.Error($"--format must be parquet, csv or delta, got '{Format}'.");
            }

            if (DateOption.Refuse(("--from", From), ("--to", To)) is { } badDate)
            {
                return badDate;
            }

            if (CreateContainer && Upload is null)
            {
                return ValidationResult.Error("--create-container needs --upload <TARGET>.");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // With --region the region's own file is read (a pod that generated one region has no catalog), else the
        // configured file: the dataset, or the catalog over every region.
        var options = RegionOption.Apply(runtime.LoadSettings(settings), settings.Region);
        var format = settings.ParsedFormat ?? ExportFormat.Parquet;
        var request = new ExportRequest(
            options.Storage.DatabasePath,
            Path.GetFullPath(Path.Combine(runtime.Environment.WorkingDirectory, settings.Out ?? ExportLayout.DefaultFolder)),
            format,
            settings.TableNames,
            DateOption.Parse(settings.From),
            DateOption.Parse(settings.To),
            RegionOption.Parse(settings.Region));

        if (settings.Upload is not null)
        {
            UploadTarget.Check(settings.Upload, options.Upload); // a malformed target, or credentials bound for a foreign host, refuse before anything is written
        }

        // No square brackets in stage text: on a terminal StageReporter shows it as Spectre markup.
        var job = new ExportJob();
        var result = await stages.RunAsync("export", report => Task.Run(
            () => job.Run(request, p => report($"table {p.TableNumber}/{p.TableCount}: {Path.GetRelativePath(request.OutputFolder, p.File.Path)}, {p.File.Rows:N0} rows, {Megabytes(p.File.Bytes)} MB"), cancellationToken),
            cancellationToken));

        var table = new Table()
            .AddColumn("table")
            .AddColumn(new TableColumn("files").RightAligned())
            .AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("MB").RightAligned());
        foreach (var name in result.Tables)
        {
            var files = result.Files.Where(f => f.Table == name).ToList();
            table.AddRow(name, files.Count.ToString("N0"), files.Sum(f => f.Rows).ToString("N0"), Megabytes(files.Sum(f => f.Bytes)));
        }

        var output = runtime.Environment.Out;
        output.Write(table);
        var range = request.From is null && request.To is null
            ? string.Empty
            : $", facts with event_ts {request.From?.ToString("yyyy-MM-dd") ?? "…"} … {request.To?.ToString("yyyy-MM-dd") ?? "…"} (UTC)";
        var kind = format == ExportFormat.Delta ? "parquet files committed to Delta tables" : $"{ExportLayout.Extension(format)} files";
        output.WriteLine($"{result.Files.Count} {kind}, {result.Rows:N0} rows, {Megabytes(result.Bytes)} MB in {result.Elapsed.TotalSeconds:0.0} s{range}");
        output.WriteLine($"output: {result.OutputFolder}");
        if (settings.Upload is not null)
        {
            using var logging = runtime.CreateLogging(settings);
            var upload = UploadRequest.FromOptions(options.Upload, result.OutputFolder, settings.Upload, settings.CreateContainer);
            await UploadCommand.RunAsync(runtime.Environment, logging, upload, cancellationToken);
        }

        return CliApp.ExitOk;
    }

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("N2", CultureInfo.InvariantCulture);
}
