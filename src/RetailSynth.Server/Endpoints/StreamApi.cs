using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Server.Endpoints;

/// <summary>The stream session and the outbox (api.md §2), over the process's <see cref="IStreamingService"/>.</summary>
internal static class StreamApi
{
    public const int MaxPreview = 1000;

    public static void MapStreamApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stream").WithTags("Stream");

        group.MapPost("/start", Start).WithSummary("Start a stream session in the background (202); 409 while one runs or a generation task runs.");
        group.MapPost("/stop", StopAsync).WithSummary("Graceful stop: the in-flight batch is acknowledged, the rest stays pending.");
        group.MapGet("/status", Status).WithSummary("Running?, since, events sent, events/s, simulated day, pacing and pacing state.");
        group.MapGet("/outbox/status", OutboxStatus).WithSummary("Outbox counts, backlog, lag and sink health (streaming.md §7).");
        group.MapGet("/outbox/preview", Preview).WithSummary("Outbox rows in outbox_id order: status filter, order=oldest|newest, limit 1–1000.");
        group.MapGet("/outbox/dead", Dead).WithSummary("Dead letters, oldest first (limit 1–1000).");
        group.MapPost("/outbox/dead/requeue", Requeue).WithSummary("Dead events back to pending; 409 while a day is being drained.");
        group.MapDelete("/outbox", Clear).WithSummary("Delete every outbox row (facts stay); 409 while streaming.");
    }

    private static Results<Accepted<StreamStatusResponse>, ValidationProblem, ProblemHttpResult> Start(
        StreamStartRequest? request, StreamingAccessor streaming, WriterGate gate, RetailSynthSettings settings)
    {
        var body = request ?? new StreamStartRequest(null, null, null, null, null, null);
        var errors = new FieldErrors();
        TimeSpan? duration = null;
        if (body.DurationMinutes is { } minutes)
        {
            if (minutes <= 0 || minutes > 525_600)
            {
                errors.Add("duration_minutes", $"must be a positive number of minutes (at most a year), got {minutes}");
            }
            else
            {
                duration = TimeSpan.FromMinutes(minutes);
            }
        }

        var pacing = errors.Choice<PacingMode>("pacing", body.Pacing);
        var sink = errors.Choice<SinkKind>("sink", body.Sink);
        if (body.Speed is { } speed)
        {
            if (speed <= 0 || !double.IsFinite(speed))
            {
                errors.Add("speed", $"must be > 0, got {speed}");
            }

            // A bad pacing value is reported once, under pacing; otherwise speed needs accelerated pacing (requested or configured).
            var defaultPacing = (sink ?? settings.Streaming.Sink) is SinkKind.EventHubs or SinkKind.Kafka ? PacingMode.Realtime : PacingMode.Max;
            if ((body.Pacing is null || pacing is not null) && (pacing ?? settings.Streaming.Pacing ?? defaultPacing) != PacingMode.Accelerated)
            {
                errors.Add("speed", "is only allowed with pacing 'accelerated'");
            }
        }

        if (body.MaxEventsPerSecond is <= 0)
        {
            errors.Add("max_events_per_second", $"must be > 0 (leave it out for no cap), got {body.MaxEventsPerSecond}");
        }

        if (body.Days is <= 0)
        {
            errors.Add("days", $"must be at least 1, got {body.Days}");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        if (gate.IsRunning(WriterKind.Dimensions) || gate.IsRunning(WriterKind.Historical))
        {
            throw new RefusedException("Refused: a generation task is running; wait for it to finish or cancel it (DELETE /api/tasks/{id}).");
        }

        var status = service.Start(new StreamRequest(duration, body.Days, sink, pacing, body.Speed, body.MaxEventsPerSecond));
        return TypedResults.Accepted("/api/stream/status", StreamStatusResponse.From(status));
    }

    private static async Task<Results<Ok<StreamStatusResponse>, ProblemHttpResult>> StopAsync(StreamingAccessor streaming, CancellationToken cancellationToken)
    {
        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        await service.StopAsync(cancellationToken);
        return TypedResults.Ok(StreamStatusResponse.From(service.Status));
    }

    private static Results<Ok<StreamStatusResponse>, ProblemHttpResult> Status(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(StreamStatusResponse.From(service.Status)) : Unavailable();

    private static Results<Ok<OutboxStatusResponse>, ProblemHttpResult> OutboxStatus(StreamingAccessor streaming, RetailSynthMetrics metrics)
    {
        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        var status = service.GetOutboxStatus();
        metrics.OutboxPending.Record(status.Pending);
        return TypedResults.Ok(OutboxStatusResponse.From(status));
    }

    private static Results<Ok<OutboxRowResponse[]>, ValidationProblem, ProblemHttpResult> Preview(
        StreamingAccessor streaming, string? status, string? order, string? limit)
    {
        var errors = new FieldErrors();
        var filter = errors.Choice<OutboxRowStatus>("status", status);
        var newest = false;
        if (order is not null)
        {
            if (order.Equals("newest", StringComparison.OrdinalIgnoreCase))
            {
                newest = true;
            }
            else if (!order.Equals("oldest", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("order", $"must be oldest or newest, got '{FieldErrors.Shorten(order)}'");
            }
        }

        var count = errors.Number("limit", limit, 100, 1, MaxPreview);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return streaming.Service is { } service
            ? TypedResults.Ok(service.Preview(filter, newest, count).Select(OutboxRowResponse.From).ToArray())
            : Unavailable();
    }

    private static Results<Ok<OutboxRowResponse[]>, ValidationProblem, ProblemHttpResult> Dead(StreamingAccessor streaming, string? limit)
    {
        var errors = new FieldErrors();
        var count = errors.Number("limit", limit, 100, 1, MaxPreview);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return streaming.Service is { } service
            ? TypedResults.Ok(service.DeadLetters(count).Select(OutboxRowResponse.From).ToArray())
            : Unavailable();
    }

    private static Results<Ok<CountResponse>, ProblemHttpResult> Requeue(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(new CountResponse(service.RequeueDead())) : Unavailable();

    private static Results<Ok<CountResponse>, ProblemHttpResult> Clear(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(new CountResponse(service.Clear())) : Unavailable();

    private static ProblemHttpResult Unavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Streaming is not available",
        detail: "This server was started without a streaming service.");
}
