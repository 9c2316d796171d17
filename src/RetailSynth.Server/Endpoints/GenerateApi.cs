using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Reference;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tasks;
using RetailSynth.Storage;

namespace RetailSynth.Server.Endpoints;

/// <summary>Dimension and historical generation as background tasks (202 + task; 409 on a conflict).</summary>
internal static class GenerateApi
{
    /// <summary>Ten years after the watermark, for days and end_date alike: a bound on one request (repeat for more).</summary>
    public const int MaxDays = SettingsLimits.MaxDaysPerRun;

    public static void MapGenerateApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/generate").WithTags("Generate");
        group.MapPost("/dimensions", Dimensions)
            .WithSummary("Build the six dimension tables in the background; 409 while facts exist and force is false, while streaming, or if a task runs.");
        group.MapPost("/historical", Historical)
            .WithSummary("Generate historical days (days or end_date) in the background; 409 while streaming, with undelivered outbox events, or if a task runs.");
    }

    private static Accepted<TaskResponse> Dimensions(
        GenerateDimensionsRequest? request,
        TaskRegistry tasks,
        StreamingAccessor streaming,
        ServerDatabase database,
        RetailSynthSettings settings,
        ReferenceDictionaries dictionaries,
        ILoggerFactory loggers)
    {
        var force = request?.Force ?? false;
        var job = new DimensionJob(settings, dictionaries, loggers.CreateLogger<DimensionJob>());
        var task = tasks.Start(
            WriterKind.Dimensions,
            () =>
            {
                streaming.EnsureNotStreaming();
                using var open = RetailDatabase.Open(database.Path);
                new DimensionStore(open).EnsureDimensionsMayBeWritten(DatasetIdentity.Compute(settings.Simulation, dictionaries), force);
            },
            (task, cancellationToken) => job.Run(force, task.ReportStage, cancellationToken).RowCounts);
        return TypedResults.Accepted($"/api/tasks/{task.Id}", task.Snapshot());
    }

    private static Results<Accepted<TaskResponse>, ValidationProblem> Historical(
        GenerateHistoricalRequest? request,
        TaskRegistry tasks,
        StreamingAccessor streaming,
        ServerDatabase database,
        RetailSynthSettings settings,
        ReferenceDictionaries dictionaries,
        RetailSynthMetrics metrics,
        ILoggerFactory loggers)
    {
        var errors = new FieldErrors();
        var body = request ?? new GenerateHistoricalRequest(null, null);
        var endDate = errors.Date("end_date", body.EndDate);
        if (body.Days is null && body.EndDate is null)
        {
            errors.Add("days", "give days (a number of days after the watermark) or end_date (yyyy-MM-dd)");
        }
        else if (body.Days is not null && body.EndDate is not null)
        {
            errors.Add("end_date", "give either days or end_date, not both");
        }

        if (body.Days is < 1 or > MaxDays)
        {
            errors.Add("days", $"must be from 1 to {MaxDays}, got {body.Days}");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var range = new FactGenerationJob.Range(body.Days, endDate);
        var job = new FactGenerationJob(settings, dictionaries, loggers.CreateLogger<FactGenerationJob>());
        ServerTask task;
        try
        {
            task = StartHistorical(tasks, streaming, database, metrics, range, job);
        }
        catch (DayRangeTooLongException tooLong)
        {
            // Only the watermark tells how far end_date reaches: checked in the plan, before any task exists.
            errors.Add(body.EndDate is null ? "days" : "end_date", tooLong.Message);
            return errors.ToProblem();
        }

        return TypedResults.Accepted($"/api/tasks/{task.Id}", task.Snapshot());
    }

    private static ServerTask StartHistorical(
        TaskRegistry tasks, StreamingAccessor streaming, ServerDatabase database, RetailSynthMetrics metrics, FactGenerationJob.Range range, FactGenerationJob job) =>
        tasks.Start(
            WriterKind.Historical,
            () =>
            {
                streaming.EnsureNotStreaming();
                using var open = RetailDatabase.Open(database.Path);
                job.Plan(open, range);
            },
            (task, cancellationToken) =>
            {
                job.Planned += (first, last, _) => task.ReportDays(0, last.DayNumber - first.DayNumber + 1, 0, "simulating the first day");
                var tag = new KeyValuePair<string, object?>("kind", "historical");
                var result = job.Run(
                    range,
                    p =>
                    {
                        task.ReportDays(p.DaysDone, p.DaysTotal, p.TotalRows, $"{p.Day:yyyy-MM-dd} committed");
                        metrics.RowsGenerated.Add(p.DayRows, tag);
                    },
                    cancellationToken);
                return result.RowsPerTable;
            });
}
