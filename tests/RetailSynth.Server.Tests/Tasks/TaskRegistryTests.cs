using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Tasks;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Tasks;

public sealed class TaskRegistryTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly LoggerFactory _loggers;
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly TaskRegistry _tasks;
    private readonly ManualResetEventSlim _release = new();

    public TaskRegistryTests()
    {
        _loggers = new LoggerFactory([_logs]);
        _tasks = new TaskRegistry(new WriterGate(), _time, _loggers.CreateLogger<TaskRegistry>());
    }

    [Fact]
    public async Task Only_the_newest_100_finished_tasks_are_kept_and_a_running_task_is_never_dropped()
    {
        var running = StartBlocked();
        var failed = new List<ServerTask>();
        for (var i = 0; i < 130; i++)
        {
            failed.Add(await FailAsync("export failed"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var kept = _tasks.All;
        Assert.Equal(TaskRetention.MaxFinishedTasks + 1, kept.Count);
        Assert.Contains(running, kept);
        Assert.Equal(failed[^TaskRetention.MaxFinishedTasks..].Select(t => t.Id), kept.Where(t => t != running).Select(t => t.Id));
        Assert.Null(_tasks.Find(failed[0].Id));
        Assert.Same(running, _tasks.Find(running.Id));
    }

    [Fact]
    public async Task Finished_tasks_older_than_a_day_are_dropped_and_a_running_task_is_never_dropped()
    {
        var running = StartBlocked();
        var old = await FailAsync("export failed");
        _time.Advance(TimeSpan.FromHours(12));
        var recent = await FailAsync("export failed");

        _time.Advance(TaskRetention.MaxFinishedAge - TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.Null(_tasks.Find(old.Id));
        Assert.Equal([running.Id, recent.Id], _tasks.All.Select(t => t.Id));
    }

    [Fact]
    public async Task A_long_error_is_kept_and_logged_cut_to_2000_characters_with_an_ellipsis()
    {
        var error = "Cannot write to the export folder '" + new string('a', 500_000) + "'";

        var task = await FailAsync(error);

        var kept = task.Snapshot().Error!;
        Assert.Equal(ErrorText.MaxLength + 1, kept.Length);
        Assert.StartsWith("Cannot write to the export folder 'aaa", kept, StringComparison.Ordinal);
        Assert.EndsWith("…", kept, StringComparison.Ordinal);
        var logged = Assert.Single(_logs.Lines, l => l.Contains("failed", StringComparison.Ordinal) && l.Contains(task.Id, StringComparison.Ordinal));
        Assert.True(logged.Length < 3 * ErrorText.MaxLength, $"a log line of {logged.Length} characters");
    }

    public void Dispose()
    {
        _release.Set();
        _tasks.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _release.Dispose();
        _loggers.Dispose();
    }

    /// <summary>A generation task that runs until the test ends.</summary>
    private ServerTask StartBlocked() => _tasks.Start(WriterKind.Historical, () => { }, (_, token) =>
    {
        _release.Wait(token);
        return null;
    });

    private async Task<ServerTask> FailAsync(string error)
    {
        var task = _tasks.Start(WriterKind.Export, () => { }, (_, _) => throw new RetailSynthException(error));
        await task.Completion;
        return task;
    }
}
