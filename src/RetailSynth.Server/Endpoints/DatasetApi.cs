using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;

namespace RetailSynth.Server.Endpoints;

/// <summary>
/// DELETE /api/dataset <c>{"confirm":"&lt;dataset_id&gt;"}</c>: deletes dimensions, facts, outbox and simulator state.
/// 409 while a job or stream session runs; 400 naming <c>confirm</c> when it is not the dataset's id, nothing deleted.
/// </summary>
internal static partial class DatasetApi
{
    public static void MapDatasetApi(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/dataset", Delete).WithTags("Dataset")
            .WithSummary("Delete the whole dataset (dimensions, facts, outbox, simulator state); confirm must be the dataset id (GET /api/status). 409 while a job or stream runs.");

    private static Results<Ok<DatasetDeletedResponse>, ValidationProblem> Delete(
        [FromBody] DeleteDatasetRequest? request, WriterGate gate, StreamingAccessor streaming, ServerDatabase database, ILoggerFactory loggers)
    {
        // The fake or real stream session: the real one also holds the gate, which the deletion claims below.
        streaming.EnsureNotStreaming();
        try
        {
            var result = new DatasetDeletion(gate).Delete(database.Path, request?.Confirm);
            var logger = loggers.CreateLogger(typeof(DatasetApi));
            LogDeleted(logger, result.DatasetId, result.RowsDeleted);
            return TypedResults.Ok(new DatasetDeletedResponse(result.DatasetId, result.RowsDeleted));
        }
        catch (DatasetConfirmationException wrong)
        {
            var errors = new FieldErrors();
            errors.Add("confirm", ErrorText.Bound(wrong.Message));
            return errors.ToProblem();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {DatasetId} deleted through the API ({Rows} rows)")]
    private static partial void LogDeleted(ILogger logger, string datasetId, long rows);
}
