using RetailSynth.Server.Contracts;
using RetailSynth.Server.Tasks;

namespace RetailSynth.Server.Endpoints;

/// <summary>Background tasks: list, progress and cancellation.</summary>
internal static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", (TaskRegistry tasks) => TypedResults.Ok(tasks.All.Select(t => t.Snapshot()).ToArray()))
            .WithSummary("Every task of this server run, oldest first.");
        group.MapGet("/{id}", Get).WithSummary("Status, progress 0–1, days done/total, rows, rows/s, ETA, error.");
        group.MapDelete("/{id}", Cancel)
            .WithSummary("Cancel: the current day is rolled back, every finished day is kept.");
    }

    private static Results<Ok<TaskResponse>, ProblemHttpResult> Get(string id, TaskRegistry tasks) =>
        tasks.Find(id) is { } task ? TypedResults.Ok(task.Snapshot()) : NotFound(id);

    private static Results<Accepted<TaskResponse>, ProblemHttpResult> Cancel(string id, TaskRegistry tasks)
    {
        if (tasks.Find(id) is not { } task)
        {
            return NotFound(id);
        }

        task.Cancel();
        return TypedResults.Accepted($"/api/tasks/{task.Id}", task.Snapshot());
    }

    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound($"There is no task '{FieldErrors.Shorten(id)}'.");
}
