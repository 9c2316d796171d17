using System.Diagnostics;
using System.Globalization;
using RetailSynth.Cli.Workers;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// What the region workers of one bench run cost, watched from outside their processes: the wall time from the first
/// worker start to the last worker end, and each region's peak resident set (the kernel's high-water mark, VmHWM in
/// <c>/proc/&lt;pid&gt;/status</c>), sampled on every progress line (<see cref="Sample"/>) and every
/// <see cref="Interval"/> while workers live. A process's memory is gone once it has exited, so growth after its last
/// sample is missed; the interval keeps that window short. Off Linux there is no <c>/proc</c> and no peak (null).
/// </summary>
internal sealed class WorkerMeter : IRegionWorkerWatch, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, int> _running = []; // region → pid of its live worker
    private readonly Dictionary<int, long> _peakKiB = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private TimeSpan? _firstStart;
    private TimeSpan _lastEnd;

    public WorkerMeter() => _sampling = SampleEveryIntervalAsync(_stop.Token);

    /// <summary>From the first worker started to the last one ended (zero before any ended).</summary>
    public TimeSpan Span
    {
        get
        {
            lock (_lock)
            {
                return _firstStart is { } first && _lastEnd > first ? _lastEnd - first : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Each region's peak resident set in MiB over its worker processes (restarts included); empty off Linux.</summary>
    public IReadOnlyDictionary<int, double> PeakRssMiB
    {
        get
        {
            lock (_lock)
            {
                return _peakKiB.ToDictionary(kv => kv.Key, kv => kv.Value / 1024.0);
            }
        }
    }

    public void Started(int region, int processId)
    {
        lock (_lock)
        {
            _firstStart ??= _clock.Elapsed;
            _running[region] = processId;
        }
    }

    public void Ended(int region, int processId)
    {
        lock (_lock)
        {
            _lastEnd = _clock.Elapsed;
            _running.Remove(region);
        }
    }

    /// <summary>Reads every live worker's high-water mark now.</summary>
    public void Sample()
    {
        lock (_lock)
        {
            foreach (var (region, pid) in _running)
            {
                if (ReadHighWaterMarkKiB(pid) is { } kib && kib > _peakKiB.GetValueOrDefault(region))
                {
                    _peakKiB[region] = kib;
                }
            }
        }
    }

    /// <summary>The VmHWM line of <c>/proc/&lt;pid&gt;/status</c> in KiB; null when the process is gone or there is no /proc.</summary>
    internal static long? ReadHighWaterMarkKiB(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    // "VmHWM:	  123456 kB"
                    var number = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Ended between the start and this read, or no /proc here.
        }

        return null;
    }

    private async Task SampleEveryIntervalAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
