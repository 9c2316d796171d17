
namespace RetailSynth.Jobs;

public enum WriterKind
{
    Dimensions,
    Historical,
    Stream,
    Export,

    /// <summary>Deleting the whole dataset: excludes every other writer and reader job, exports included.</summary>
    DatasetDelete,
}

/// <summary>
/// One day-writer at a time per process (api.md §1): dimension generation, historical generation and a stream
/// session exclude each other; export only reads, so it just excludes another export. Shared by the CLI and server.
/// </summary>
public sealed class WriterGate
{
    private readonly Lock _lock = new();
    private readonly HashSet<WriterKind> _running = [];

    public bool IsRunning(WriterKind kind)
    {
        lock (_lock)
        {
            return _running.Contains(kind);
        }
    }

    /// <summary>Claims the gate for <paramref name="kind"/>, or throws <see cref="RefusedException"/> naming what runs.</summary>
    public IDisposable Enter(WriterKind kind)
    {
        lock (_lock)
        {
            var blocker = _running.FirstOrDefault(running => Conflicts(kind, running), (WriterKind)(-1));
            if ((int)blocker >= 0)
            {
                throw new RefusedException($"Refused: {Describe(blocker)} is running; wait for it to finish or stop it first.");
            }

            _running.Add(kind);
            return new Release(this, kind);
        }
    }

    /// <summary>Whether any job of any kind holds the gate (settings may not change under one).</summary>
    public bool AnyRunning
    {
        get
        {
            lock (_lock)
            {
                return _running.Count > 0;
            }
        }
    }

    private static bool Conflicts(WriterKind wanted, WriterKind running) =>
        wanted == running || wanted == WriterKind.DatasetDelete || running == WriterKind.DatasetDelete
        || (wanted != WriterKind.Export && running != WriterKind.Export);

    private static string Describe(WriterKind kind) => kind switch
    {
        WriterKind.Dimensions => "dimension generation",
        WriterKind.Historical => "historical generation",
        WriterKind.Stream => "a stream session",
        WriterKind.DatasetDelete => "a dataset deletion",
        _ => "an export",
    };

    private sealed class Release(WriterGate gate, WriterKind kind) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lock (gate._lock)
                {
                    gate._running.Remove(kind);
                }
            }
        }
    }
}
