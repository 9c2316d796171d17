using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;

namespace RetailSynth.Server.Tasks;

/// <summary>
/// Background jobs of the server (generation, export): each claims the <see cref="WriterGate"/> before it starts, so a
/// second job of a conflicting kind is refused (409) and the request thread only validates and returns 202. On
/// shutdown every running job is cancelled (its unfinished day rolls back) and awaited. Finished tasks are kept as
/// <see cref="TaskRetention"/> says, their errors cut to <see cref="ErrorText.MaxLength"/>.
/// </summary>
internal sealed partial class TaskRegistry(WriterGate gate, TimeProvider time, ILogger<TaskRegistry> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, ServerTask> _tasks = new(StringComparer.Ordinal);

    public IReadOnlyList<ServerTask> All
    {
        get
        {
            DropExpired();
            return [.. _tasks.Values.OrderBy(t => t.StartedAt)];
        }
    }

    public ServerTask? Find(string id)
    {
        DropExpired();
        return _tasks.GetValueOrDefault(id);
    }

    /// <summary>
    /// Claims the gate for <paramref name="kind"/>, runs <paramref name="check"/> on the request thread (refusals become
    /// 409 before anything is written), then runs <paramref name="work"/> on a background thread.
    /// </summary>
    public ServerTask Start(WriterKind kind, Action check, Func<ServerTask, CancellationToken, IReadOnlyDictionary<string, long>?> work)
    {
        var claim = gate.Enter(kind);
        try
        {
            check();
        }
        catch
        {
            claim.Dispose();
            throw;
        }

        var task = new ServerTask(Guid.NewGuid().ToString("N")[..12], kind, time);
        _tasks[task.Id] = task;
        DropExpired();
        LogStarted(task.Id, kind);
        var token = task.CancellationToken;
        task.Completion = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var rows = work(task, token);
                    task.Finish(TaskState.Succeeded, null, rows);
                    LogFinished(task.Id, kind, TaskState.Succeeded);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    task.Finish(TaskState.Cancelled, null, null);
                    LogFinished(task.Id, kind, TaskState.Cancelled);
                }
                catch (RetailSynthException ex)
                {
                    var error = ErrorText.Bound(RefusalWording.Instance.Describe(ex)); // a message may quote its input, of any length
                    task.Finish(TaskState.Failed, error, null);
                    LogFailed(task.Id, kind, error);
                }
                catch (Exception ex)
                {
                    // An unexpected message may quote anything: report the type only.
                    task.Finish(TaskState.Failed, $"unexpected failure ({ex.GetType().Name})", null);
                    LogFailed(task.Id, kind, ex.GetType().Name);
                }
                finally
                {
                    claim.Dispose();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Forgets finished tasks beyond the newest <see cref="TaskRetention.MaxFinishedTasks"/> and those finished too long ago.</summary>
    private void DropExpired()
    {
        var oldest = time.GetUtcNow() - TaskRetention.MaxFinishedAge;
        var finished = _tasks.Values
            .Select(t => (Task: t, t.FinishedAt))
            .Where(t => t.FinishedAt is not null)
            .OrderByDescending(t => t.FinishedAt)
            .ThenByDescending(t => t.Task.StartedAt)
            .ToList();
        for (var i = 0; i < finished.Count; i++)
        {
            var (task, finishedAt) = finished[i];
            if ((i >= TaskRetention.MaxFinishedTasks || finishedAt < oldest) && _tasks.TryRemove(KeyValuePair.Create(task.Id, task)))
            {
                task.Dispose();
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = _tasks.Values.Where(t => t.IsRunning).ToList();
        foreach (var task in running)
        {
            task.Cancel();
        }

        await Task.WhenAll(running.Select(t => t.Completion)).WaitAsync(cancellationToken);
        foreach (var task in _tasks.Values)
        {
            task.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Kind}) started")]
    private partial void LogStarted(string taskId, WriterKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Kind}) ended: {State}")]
    private partial void LogFinished(string taskId, WriterKind kind, TaskState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} ({Kind}) failed: {Error}")]
    private partial void LogFailed(string taskId, WriterKind kind, string error);
}
