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
        MapRelayControl(group);
        group.MapGet("/status", Status).WithSummary("Running?, since, events sent, events/s, simulated day, pacing and pacing state.");
        group.MapGet("/outbox/status", OutboxStatus).WithSummary("Outbox counts, backlog, lag and sink health (streaming.md §7).");
        group.MapGet("/outbox/preview", Preview).WithSummary("Outbox rows in outbox_id order: status filter, order=oldest|newest, limit 1–1000.");
        group.MapGet("/outbox/dead", Dead).WithSummary("Dead letters, oldest first (limit 1–1000).");
        group.MapPost("/outbox/dead/requeue", Requeue).WithSummary("Dead events back to pending; 409 while a day is being drained.");
        group.MapDelete("/outbox", Clear).WithSummary("Delete every outbox row (facts stay); 409 while streaming.");
    }

    private static Results<Accepted<StreamStatus>, ValidationProblem, ProblemHttpResult> Start(
        StreamStartRequest? request, StreamingAccessor streaming, WriterGate gate, RetailSynthSettings settings)
    {
        var body = request ?? new StreamStartRequest(null, null, null, null, null, null);
        var errors = new FieldErrors();
        var pacing = errors.Choice<PacingMode>(FieldName(StreamRequestField.Pacing), body.Pacing);
        var sink = errors.Choice<SinkKind>(FieldName(StreamRequestField.Sink), body.Sink);
        var streamRequest = new StreamRequest(Minutes(body.DurationMinutes), body.Days, sink, pacing, body.Speed, body.MaxEventsPerSecond);
        foreach (var problem in StreamRequestValidator.Validate(streamRequest, settings.Streaming, FieldName))
        {
            // A value that did not parse is reported once, under its own field, not again by the rules that read it.
            if (problem.DependsOn is not { } other || !errors.Has(FieldName(other)))
            {
                errors.Add(FieldName(problem.Field), problem.Message);
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        RefuseWhileGenerating(gate, "Refused: a generation task is running; wait for it to finish or cancel it (DELETE /api/tasks/{id}).");

        var status = service.Start(streamRequest);
        return TypedResults.Accepted("/api/stream/status", status);
    }

    private static async Task<Results<Ok<StreamStatus>, ProblemHttpResult>> StopAsync(StreamingAccessor streaming, CancellationToken cancellationToken)
    {
        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        await service.StopAsync(cancellationToken);
        return TypedResults.Ok(service.Status);
    }

    private static Results<Ok<StreamStatus>, ProblemHttpResult> Status(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(service.Status) : Unavailable();

    private static Results<Ok<OutboxStatus>, ProblemHttpResult> OutboxStatus(StreamingAccessor streaming, RetailSynthMetrics metrics)
    {
        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        var status = service.GetOutboxStatus();
        metrics.OutboxPending.Record(status.Pending);
        return TypedResults.Ok(status);
    }

    private static Results<Ok<OutboxRow[]>, ValidationProblem, ProblemHttpResult> Preview(
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
            ? TypedResults.Ok(service.Preview(filter, newest, count).ToArray())
            : Unavailable();
    }

    private static Results<Ok<OutboxRow[]>, ValidationProblem, ProblemHttpResult> Dead(StreamingAccessor streaming, string? limit)
    {
        var errors = new FieldErrors();
        var count = errors.Number("limit", limit, 100, 1, MaxPreview);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return streaming.Service is { } service
            ? TypedResults.Ok(service.DeadLetters(count).ToArray())
            : Unavailable();
    }

    private static Results<Ok<CountResponse>, ProblemHttpResult> Requeue(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(new CountResponse(service.RequeueDead())) : Unavailable();

    private static Results<Ok<CountResponse>, ProblemHttpResult> Clear(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(new CountResponse(service.Clear())) : Unavailable();

    // Relay control (issue 16): pause, resume, drain and the sink's connection test.
    private static void MapRelayControl(RouteGroupBuilder group)
    {
        group.MapPost("/pause", Pause).WithSummary("The relay stops sending and keeps its session: pending events stay pending, no new day; 409 when none runs or it is paused.");
        group.MapPost("/resume", Resume).WithSummary("A paused session sends again; 409 when none is paused.");
        group.MapPost("/drain", Drain).WithSummary("Deliver what is pending, simulate no new day, then end (202); a running session switches to drain; 200 when nothing is pending; 409 during a generation task.");
        group.MapPost("/test-connection", TestConnectionAsync).WithSummary("Probe the configured sink (or body.sink) without sending an event: ok or the classified failure, never a secret.");
    }

    private static Results<Ok<StreamStatus>, ProblemHttpResult> Pause(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(service.Pause()) : Unavailable();

    private static Results<Ok<StreamStatus>, ProblemHttpResult> Resume(StreamingAccessor streaming) =>
        streaming.Service is { } service ? TypedResults.Ok(service.Resume()) : Unavailable();

    private static Results<Accepted<StreamStatus>, Ok<StreamStatus>, ValidationProblem, ProblemHttpResult> Drain(
        StreamSinkRequest? request, StreamingAccessor streaming, WriterGate gate)
    {
        var errors = new FieldErrors();
        var sink = errors.Choice<SinkKind>(FieldName(StreamRequestField.Sink), request?.Sink);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (streaming.Service is not { } service)
        {
            return Unavailable();
        }

        RefuseWhileGenerating(
            gate, "Refused: a generation task is running and the outbox is not drained beside it; wait for it to finish or cancel it (DELETE /api/tasks/{id}).");

        var drain = service.Drain(new StreamRequest(Sink: sink));
        return drain.Started ? TypedResults.Accepted("/api/stream/status", drain.Status) : TypedResults.Ok(drain.Status);
    }

    private static async Task<Results<Ok<SinkConnectionTest>, ValidationProblem, ProblemHttpResult>> TestConnectionAsync(
        StreamSinkRequest? request, StreamingAccessor streaming, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var sink = errors.Choice<SinkKind>(FieldName(StreamRequestField.Sink), request?.Sink);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return streaming.Service is { } service
            ? TypedResults.Ok(await service.TestConnectionAsync(sink, cancellationToken))
            : Unavailable();
    }

    /// <summary>The JSON name of a stream request field (api.md §2).</summary>
    private static string FieldName(StreamRequestField field) => field switch
    {
        StreamRequestField.Duration => "duration_minutes",
        StreamRequestField.MaxEventsPerSecond => "max_events_per_second",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Minutes as a duration; beyond what a TimeSpan holds it is simply "too long" for the validator.</summary>
    private static TimeSpan? Minutes(double? minutes) => minutes switch
    {
        null => null,
        var m when m > StreamRequestValidator.MaxDuration.TotalMinutes => TimeSpan.MaxValue,
        var m when m < -StreamRequestValidator.MaxDuration.TotalMinutes => TimeSpan.MinValue,
        var m => TimeSpan.FromMinutes(m.Value),
    };

    /// <summary>Dimensions or history being written: nothing is sent from the outbox beside them (409).</summary>
    private static void RefuseWhileGenerating(WriterGate gate, string refusal)
    {
        if (gate.IsRunning(WriterKind.Dimensions) || gate.IsRunning(WriterKind.Historical))
        {
            throw new RefusedException(refusal);
        }
    }

    private static ProblemHttpResult Unavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Streaming is not available",
        detail: "This server was started without a streaming service.");
}
