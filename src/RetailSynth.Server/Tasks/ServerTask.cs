using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Tasks;

/// <summary>One background job as the API reports it; the runner updates it, requests read snapshots.</summary>
internal sealed class ServerTask : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private TaskState _state = TaskState.Running;
    private string _stage = "starting";
    private int _daysDone;
    private int _daysTotal;
    private long _rows;
    private double? _progress;
    private string? _error;
    private DateTimeOffset? _finishedAt;
    private IReadOnlyDictionary<string, long>? _rowsPerTable;

    public ServerTask(string id, WriterKind kind, TimeProvider time)
    {
        Id = id;
        Kind = kind;
        _time = time;
        _startTimestamp = time.GetTimestamp();
        StartedAt = time.GetUtcNow();
    }

    public string Id { get; }

    public WriterKind Kind { get; }

    public DateTimeOffset StartedAt { get; }

    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The running work; completes when the job has ended and released the writer gate.</summary>
    internal Task Completion { get; set; } = Task.CompletedTask;

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_lock)
            {
                return _finishedAt;
            }
        }
    }

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _state == TaskState.Running;
            }
        }
    }

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }
    }

    public void ReportStage(string stage)
    {
        lock (_lock)
        {
            _stage = stage;
        }
    }

    public void ReportDays(int daysDone, int daysTotal, long rows, string stage)
    {
        lock (_lock)
        {
            _daysDone = daysDone;
            _daysTotal = daysTotal;
            _rows = rows;
            _progress = daysTotal == 0 ? null : (double)daysDone / daysTotal;
            _stage = stage;
        }
    }

    public void ReportFraction(double progress, long rows, string stage)
    {
        lock (_lock)
        {
            _progress = Math.Clamp(progress, 0, 1);
            _rows = rows;
            _stage = stage;
        }
    }

    public void Finish(TaskState state, string? error, IReadOnlyDictionary<string, long>? rowsPerTable)
    {
        lock (_lock)
        {
            _state = state;
            _error = error;
            _rowsPerTable = rowsPerTable;
            if (_rows == 0 && rowsPerTable is not null)
            {
                _rows = rowsPerTable.Values.Sum();
            }
            _finishedAt = _time.GetUtcNow();
            if (state == TaskState.Succeeded)
            {
                _progress = 1;
                _stage = "done";
            }
            else
            {
                _stage = state == TaskState.Cancelled ? "cancelled: the unfinished day was rolled back" : "failed";
            }
        }
    }

    public void Dispose() => _cancellation.Dispose();

    public TaskResponse Snapshot()
    {
        lock (_lock)
        {
            var elapsed = _finishedAt is { } end ? end - StartedAt : _time.GetElapsedTime(_startTimestamp);
            var rowsPerSecond = elapsed.TotalSeconds > 0 ? _rows / elapsed.TotalSeconds : 0;
            double? eta = _state != TaskState.Running ? 0
                : _daysDone > 0 && _daysTotal > 0 ? elapsed.TotalSeconds / _daysDone * (_daysTotal - _daysDone)
                : null;
            return new TaskResponse(
                Id,
                Kind.ToString().ToLowerInvariant(),
                _state,
                _stage,
                _progress ?? 0,
                _daysDone,
                _daysTotal,
                _rows,
                Math.Round(rowsPerSecond, 1),
                eta is null ? null : Math.Round(eta.Value, 1),
                Math.Round(elapsed.TotalSeconds, 2),
                StartedAt,
                _finishedAt,
                _error,
                _rowsPerTable);
        }
    }
}
