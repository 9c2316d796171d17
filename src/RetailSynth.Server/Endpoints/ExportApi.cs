using Microsoft.Extensions.Logging;
using RetailSynth.Connectors.Upload;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Export;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tasks;

namespace RetailSynth.Server.Endpoints;

/// <summary>POST /api/export: like the CLI, as a background task. The output folder stays under the server's working directory.</summary>
internal static class ExportApi
{
    public static void MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/export", Export).WithTags("Export")
            .WithSummary("Export tables to Parquet or CSV files (facts one file per table and month), or to Delta tables, in the background.");

    private static Results<Accepted<TaskResponse>, ValidationProblem> Export(
        ExportApiRequest? request, TaskRegistry tasks, ServerDatabase database, ServerHostOptions host, ILoggerFactory loggers)
    {
        var body = request ?? new ExportApiRequest(null, null, null, null, null);
        var errors = new FieldErrors();
        var format = errors.Choice<ExportFormat>("format", body.Format) ?? ExportFormat.Parquet;

        if (body.Tables is { Count: > RequestLimits.MaxListEntries } many)
        {
            errors.Add("tables", $"must list at most {RequestLimits.MaxListEntries} tables, got {many.Count}");
        }
        else if ((body.Tables ?? []).Where(t => t is null || !ExportLayout.Tables.Contains(t, StringComparer.Ordinal)).Select(t => t ?? "null").ToList() is { Count: > 0 } unknown)
        {
            // A few names are echoed, the rest counted: the answer stays small whatever the list holds.
            errors.Add("tables", $"{FieldErrors.Echo(unknown)} {(unknown.Count == 1 ? "is not a dimension or fact table" : "are not dimension or fact tables")}");
        }

        var from = errors.Date("from", body.From);
        var to = errors.Date("to", body.To);
        if (from > to)
        {
            errors.Add("from", $"{from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}");
        }

        var root = Path.GetFullPath(host.WorkingDirectory);
        var outText = body.Out is { } text && errors.PathText("out", text) ? text : ExportLayout.DefaultFolder; // checked before any Path call: NUL throws there
        var folder = Path.GetFullPath(Path.Combine(root, outText));
        if (body.Out is not null && (Path.IsPathRooted(outText) || !ContainedFolder.IsInside(root, folder)))
        {
            errors.Add("out", "must be a folder relative to the server's working directory, inside it");
        }

        if (body.Upload is { Length: > RequestLimits.MaxUrlLength } longTarget)
        {
            errors.Add("upload", $"must be at most {RequestLimits.MaxUrlLength} characters, got {longTarget.Length}");
        }
        else if (body.Upload is { } target)
        {
            try
            {
                RequestedUploadTarget.Check(target, host.Settings.Upload); // a malformed or foreign target refuses before anything is written
            }
            catch (RetailSynthException ex)
            {
                errors.Add("upload", ex.Message);
            }
        }
        else if (body.CreateContainer is not null)
        {
            errors.Add("create_container", "applies only with upload");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var exportRequest = new ExportRequest(database.Path, folder, format, body.Tables is { Count: > 0 } tables ? tables : null, from, to);
        var task = tasks.Start(
            WriterKind.Export,
            () => { },
            (task, cancellationToken) =>
            {
                var rows = 0L;
                var result = new ExportJob().Run(
                    exportRequest,
                    p =>
                    {
                        rows += p.File.Rows;
                        task.ReportFraction((double)p.TableNumber / p.TableCount, rows, $"{p.File.Table}: {p.File.Rows:N0} rows");
                    },
                    cancellationToken);
                if (body.Upload is { } uploadTarget)
                {
                    Upload(task, UploadRequest.FromOptions(host.Settings.Upload, result.OutputFolder, uploadTarget, body.CreateContainer ?? false), loggers, cancellationToken);
                }

                return result.Files.GroupBy(f => f.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(f => f.Rows), StringComparer.Ordinal);
            });
        return TypedResults.Accepted($"/api/tasks/{task.Id}", task.Snapshot());
    }

    /// <summary>The export's second half: upload the folder; any file that failed fails the task (a rerun sends only those).</summary>
    private static void Upload(ServerTask task, UploadRequest request, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var progress = new Progress<UploadProgress>(p => task.ReportFraction(
            p.FilesTotal == 0 ? 1 : (double)p.FilesDone / p.FilesTotal, p.BytesSent, $"upload: {p.FilesDone}/{p.FilesTotal} files, {p.MegabytesPerSecond:0.0} MB/s"));
        var result = new UploadJob(loggers.CreateLogger<UploadJob>()).RunAsync(request, progress, cancellationToken).GetAwaiter().GetResult();
        if (result.Failed.Count > 0)
        {
            throw new RetailSynthException(
                $"{result.Failed.Count} of {result.Files.Count} files failed to upload ({result.Uploaded.Count} uploaded, {result.Skipped.Count} skipped); run the export again to send only those.");
        }
    }
}
