namespace RetailSynth.Cli.Workers;

/// <summary>How one region's worker ended: its exit code, the restarts it took, and the last error line it printed.</summary>
public sealed record WorkerOutcome(int Region, int ExitCode, int Restarts, string? LastError)
{
    public bool Succeeded => ExitCode == CliApp.ExitOk;
}
