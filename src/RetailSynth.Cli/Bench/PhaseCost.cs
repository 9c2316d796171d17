namespace RetailSynth.Cli.Bench;

/// <summary>
/// What one benchmark phase cost the whole process: wall time, CPU time (user + system, every thread — DuckDB's native
/// threads and the GC's included), managed bytes allocated on every thread, and garbage-collection pauses and counts.
/// </summary>
/// <remarks>
/// <see cref="Gen0"/> counts every collection (a gen1 or gen2 collection collects gen0 too), <see cref="Gen1"/> the gen1
/// and gen2 ones: <see cref="GC.CollectionCount"/>'s meaning. Costs of phases run by turns (day by day) add up.
/// </remarks>
public sealed record PhaseCost(
    double WallSeconds,
    double UserCpuSeconds,
    double SystemCpuSeconds,
    long AllocatedBytes,
    double GcPauseSeconds,
    int Gen0,
    int Gen1,
    int Gen2,
    int Cores)
{
    /// <summary>No time, no work: the start of a sum.</summary>
    public static PhaseCost Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, Environment.ProcessorCount);

    /// <summary>User plus system CPU seconds.</summary>
    public double CpuSeconds => UserCpuSeconds + SystemCpuSeconds;

    /// <summary>CPU seconds per wall second: cores kept busy on average, out of <see cref="Cores"/>.</summary>
    public double CpuUtilisation => WallSeconds > 0 ? CpuSeconds / WallSeconds : 0;

    /// <summary>The share of the wall time the GC held the managed threads paused.</summary>
    public double GcPauseShare => WallSeconds > 0 ? GcPauseSeconds / WallSeconds : 0;

    /// <summary>Managed bytes allocated per item (row or event); 0 with no items.</summary>
    public double AllocatedBytesPer(long items) => items > 0 ? (double)AllocatedBytes / items : 0;

    public static PhaseCost operator +(PhaseCost a, PhaseCost b) => new(
        a.WallSeconds + b.WallSeconds,
        a.UserCpuSeconds + b.UserCpuSeconds,
        a.SystemCpuSeconds + b.SystemCpuSeconds,
        a.AllocatedBytes + b.AllocatedBytes,
        a.GcPauseSeconds + b.GcPauseSeconds,
        a.Gen0 + b.Gen0,
        a.Gen1 + b.Gen1,
        a.Gen2 + b.Gen2,
        Math.Max(a.Cores, b.Cores));
}
