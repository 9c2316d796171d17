namespace RetailSynth.Cli.Workers;

/// <summary>A day one region's worker committed, or a restart of a worker that died (<paramref name="Day"/> is null).</summary>
public sealed record RegionProgress(int Region, DayProgressLine.CommittedDay? Day, int Restart = 0, int ExitCode = 0);
