using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RetailSynth.Connectors.Upload;
using RetailSynth.Jobs.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>upload [--from DIR] [TARGET]</c>: an export folder to a blob container (Azure Blob Storage, ADLS Gen2, OneLake),
/// incremental by size and MD5. Progress on stderr (a bar on a terminal, a line per file when redirected), the summary on
/// stdout; any failed file makes the run fail with one line after the summary.
/// </summary>
public sealed class UploadCommand(CommandRuntime runtime) : AsyncCommand<UploadCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "[TARGET]")]
        [Description("Container URL (https://<account>.blob.core.windows.net/<container>[[/<folder>]], a SAS URL, or a OneLake Files URL), " +
            "or <container>[[/<folder>]] with Upload:ConnectionString. Default: Upload:Target.")]
        public string? Target { get; init; }

        [CommandOption("--from <DIR>")]
        [Description("Export folder to upload (default: data/export); relative to the working directory.")]
        public string? From { get; init; }

        [CommandOption("--create-container")]
        [Description("Create the container if it does not exist.")]
        public bool CreateContainer { get; init; }

        [CommandOption("--force")]
        [Description("Upload every file, even those whose blob already has the same size and MD5.")]
        public bool Force { get; init; }

        [CommandOption("--single-stream")]
        [Description("One file at a time, one request at a time: the baseline for throughput comparisons.")]
        public bool SingleStream { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description("Files (and blocks per file) sent at once, 1-64, with Parallelism² × block size ≤ 4096 MiB. Same as Upload:Parallelism (default 4).")]
        public string? Parallelism { get; init; }

        public override IReadOnlyDictionary<string, string?> ConfigurationOverrides() =>
            WithOverrides(base.ConfigurationOverrides(), ("Upload:Parallelism", Parallelism));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var folder = Path.GetFullPath(Path.Combine(runtime.Environment.WorkingDirectory, settings.From ?? ExportLayout.DefaultFolder));
        var request = UploadRequest.FromOptions(options.Upload, folder, settings.Target, settings.CreateContainer, settings.SingleStream, settings.Force);
        using var logging = runtime.CreateLogging(settings);
        await RunAsync(runtime.Environment, logging, request, cancellationToken);
        return CliApp.ExitOk;
    }

    /// <summary>Runs an upload with progress and summary; shared with <c>export --upload</c>. Throws when a file failed.</summary>
    internal static async Task<UploadResult> RunAsync(CliEnvironment environment, ILoggerFactory logging, UploadRequest request, CancellationToken cancellationToken)
    {
        var job = new UploadJob(logging.CreateLogger<UploadJob>());
        var result = await ShowProgressAsync(environment, progress => job.RunAsync(request, progress, cancellationToken));

        var output = environment.Out;
        foreach (var failed in result.Failed)
        {
            output.WriteLine($"failed: {failed.RelativePath}: {failed.Error}");
        }

        output.WriteLine(
            $"{result.Uploaded.Count} uploaded, {result.Skipped.Count} skipped (unchanged), {result.Failed.Count} failed of {result.Files.Count} files; " +
            $"{Megabytes(result.BytesUploaded)} MB in {result.Elapsed.TotalSeconds:0.0} s ({result.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} MB/s)" +
            (request.SingleStream ? ", single stream" : string.Empty));
        output.WriteLine($"target: {result.Destination}");
        if (result.Failed.Count > 0)
        {
            var first = result.Failed[0];
            throw new RetailSynthException(
                $"{result.Failed.Count} of {result.Files.Count} files failed to upload (first: {first.RelativePath}: {first.Error}); rerun the same command to send them, finished files are skipped.");
        }

        return result;
    }

    private static async Task<UploadResult> ShowProgressAsync(CliEnvironment environment, Func<IProgress<UploadProgress>, Task<UploadResult>> work)
    {
        if (environment.ErrorIsTerminal)
        {
            return await environment.Error.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("uploading", maxValue: 1);
                    return await work(new Reporter(p =>
                    {
                        task.MaxValue = Math.Max(1, p.FilesTotal);
                        task.Value = p.FilesDone;
                        task.Description = Markup.Escape(Describe(p));
                    }));
                });
        }

        environment.Error.WriteLine("upload…");
        return await work(new Reporter(p =>
        {
            if (p.File is { } file)
            {
                var what = file.Status switch
                {
                    UploadStatus.Uploaded => $"uploaded {file.RelativePath} ({Megabytes(file.Bytes)} MB)",
                    UploadStatus.Skipped => $"skipped {file.RelativePath} (unchanged)",
                    _ => $"failed {file.RelativePath}: {file.Error}",
                };
                environment.Error.WriteLine($"  [{p.Elapsed.TotalSeconds,6:0.0}s] {what}; {Describe(p)}");
            }
        }));
    }

    private static string Describe(UploadProgress p) =>
        $"{p.FilesDone}/{p.FilesTotal} files, {Megabytes(p.BytesSent)}/{Megabytes(p.BytesToSend)} MB, {p.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} MB/s";

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously on the job's threads (the job serialises its reports).</summary>
    private sealed class Reporter(Action<UploadProgress> report) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => report(value);
    }
}
