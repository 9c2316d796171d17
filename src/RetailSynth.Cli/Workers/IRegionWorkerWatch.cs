namespace RetailSynth.Cli.Workers;

/// <summary>
/// Told when each worker process of a <see cref="RegionWorkerPool"/> starts and when it has ended (restarts included),
/// so a caller can time the run and look at the processes while they live (the region scaling bench samples their
/// memory). Called from the pool's threads.
/// </summary>
public interface IRegionWorkerWatch
{
    void Started(int region, int processId);

    void Ended(int region, int processId);
}
