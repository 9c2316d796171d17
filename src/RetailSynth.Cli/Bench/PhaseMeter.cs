using System.Diagnostics;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// Measures one phase: <see cref="Start"/> reads the process's clocks and counters, <see cref="Stop"/> returns their
/// deltas as a <see cref="PhaseCost"/>. The counters are process-wide, so whatever else runs in the process meanwhile
/// (a background checkpoint, another test) is counted too.
/// </summary>
public sealed class PhaseMeter
{
    private readonly long _timestamp;
    private readonly TimeSpan _user;
    private readonly TimeSpan _system;
    private readonly long _allocated;
    private readonly TimeSpan _pause;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;

    private PhaseMeter()
    {
        // Environment.CpuUsage reads the same user and system times as Process.UserProcessorTime/PrivilegedProcessorTime
        // (getrusage on Linux, microseconds rather than /proc's 10 ms ticks) without creating a Process.
        var cpu = Environment.CpuUsage;
        _user = cpu.UserTime;
        _system = cpu.PrivilegedTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: true);
        _pause = GC.GetTotalPauseDuration();
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
        _timestamp = Stopwatch.GetTimestamp(); // last, so reading the counters is not timed
    }

    public static PhaseMeter Start() => new();

    /// <summary>The cost since <see cref="Start"/>; the meter can be stopped again for a longer span.</summary>
    public PhaseCost Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_timestamp);
        var cpu = Environment.CpuUsage;
        return new PhaseCost(
            wall.TotalSeconds,
            (cpu.UserTime - _user).TotalSeconds,
            (cpu.PrivilegedTime - _system).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - _allocated,
            (GC.GetTotalPauseDuration() - _pause).TotalSeconds,
            GC.CollectionCount(0) - _gen0,
            GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2,
            Environment.ProcessorCount);
    }

    /// <summary>Runs <paramref name="phase"/> and returns its result with its cost.</summary>
    public static (T Result, PhaseCost Cost) Measure<T>(Func<T> phase)
    {
        var meter = Start();
        var result = phase();
        return (result, meter.Stop());
    }
}
