using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RetailSynth.Export;
using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tasks;

namespace RetailSynth.Server.Endpoints;

/// <summary>POST /api/export: like the CLI, as a background task. The output folder stays under the server's working directory.</summary>
public static class ExportApi
{
    public static void MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/export", Export).WithTags("Export")
            .WithSummary("Export tables to Parquet or CSV files (facts one file per table and month) in the background.");

    private static Results<Accepted<TaskResponse>, ValidationProblem> Export(ExportApiRequest? request, TaskRegistry tasks, ServerDatabase database, ServerHostOptions host)
    {
        var body = request ?? new ExportApiRequest(null, null, null, null, null);
        var errors = new FieldErrors();
        var format = errors.Choice<ExportFormat>("format", body.Format) ?? ExportFormat.Parquet;

        foreach (var table in body.Tables ?? [])
        {
            if (table is null || !ExportLayout.Tables.Contains(table, StringComparer.Ordinal))
            {
                errors.Add("tables", $"'{FieldErrors.Shorten(table ?? "null")}' is not a dimension or fact table");
            }
        }

        var from = errors.Date("from", body.From);
        var to = errors.Date("to", body.To);
        if (from > to)
        {
            errors.Add("from", $"{from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}");
        }

        var root = Path.GetFullPath(host.WorkingDirectory);
        var folder = Path.GetFullPath(Path.Combine(root, body.Out ?? ExportLayout.DefaultFolder));
        if (body.Out is { } outText && (Path.IsPathRooted(outText) || !folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            errors.Add("out", "must be a folder relative to the server's working directory, inside it");
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
                return result.Files.GroupBy(f => f.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(f => f.Rows), StringComparer.Ordinal);
            });
        return TypedResults.Accepted($"/api/tasks/{task.Id}", task.Snapshot());
    }
}
