using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RetailSynth.Cli.Workers;

/// <summary>
/// Runs one child process per region, at most <paramref name="maxWorkers"/> at once (scale-out §4). A worker that dies
/// (killed, crashed: any exit but 0, 1, 2 or a stop we asked for) is started again, up to <see cref="MaxRestarts"/>
/// times, and resumes from its last committed day. A worker that is refused (exit 1 or 2) is not retried: the same
/// input would be refused again, so the pool stops the others and reports its line. Cancelling stops every worker as
/// Ctrl-C would (SIGTERM), so each keeps its committed days. An optional <paramref name="watch"/> is told of every
/// worker process's start and end.
/// </summary>
public sealed partial class RegionWorkerPool(
    SelfLaunch launch, int maxWorkers, string workingDirectory, IReadOnlyDictionary<string, string?> variables, IRegionWorkerWatch? watch = null)
{
    public const int MaxRestarts = 3;

    /// <summary>How long a worker may take to stop after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<WorkerOutcome>> RunAsync(
        IReadOnlyList<int> regions, Func<int, IReadOnlyList<string>> argumentsFor, Action<RegionProgress> report, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        using var slots = new SemaphoreSlim(maxWorkers);
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reportLock = new Lock();
        void Report(RegionProgress progress)
        {
            lock (reportLock)
            {
                report(progress);
            }
        }

        async Task<WorkerOutcome> RunRegionAsync(int region)
        {
            await slots.WaitAsync(CancellationToken.None);
            try
            {
                var outcome = await RunWithRestartsAsync(region, argumentsFor(region), Report, stopAll.Token);
                if (!outcome.Succeeded && !stopAll.IsCancellationRequested)
                {
                    await stopAll.CancelAsync(); // one refused region fails the run: stop the others now
                }

                return outcome;
            }
            finally
            {
                slots.Release();
            }
        }

        // Regions start in index order; the slots keep at most maxWorkers running.
        var tasks = regions.Select(RunRegionAsync).ToArray();
        return await Task.WhenAll(tasks);
    }

    private async Task<WorkerOutcome> RunWithRestartsAsync(
        int region, IReadOnlyList<string> arguments, Action<RegionProgress> report, CancellationToken stop)
    {
        for (var restarts = 0; ; restarts++)
        {
            if (stop.IsCancellationRequested)
            {
                return new WorkerOutcome(region, CliApp.ExitCancelled, restarts, null);
            }

            var (exitCode, lastError) = await RunOnceAsync(region, arguments, report, stop);
            var died = exitCode is not (CliApp.ExitOk or CliApp.ExitFailed or CliApp.ExitUsage or CliApp.ExitCancelled);
            if (!died || stop.IsCancellationRequested || restarts == MaxRestarts)
            {
                return new WorkerOutcome(region, exitCode, restarts, lastError);
            }

            report(new RegionProgress(region, null, restarts + 1, exitCode));
        }
    }

    private async Task<(int ExitCode, string? LastError)> RunOnceAsync(
        int region, IReadOnlyList<string> arguments, Action<RegionProgress> report, CancellationToken stop)
    {
        using var process = Process.Start(launch.StartInfo(arguments, workingDirectory, variables))
            ?? throw new InvalidOperationException($"Could not start the worker of region {region}.");
        var processId = process.Id;
        watch?.Started(region, processId);
        string? lastError = null;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // the child's summary; the parent prints its own
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (DayProgressLine.TryParse(line) is { } day)
                {
                    report(new RegionProgress(region, day));
                }
                else if (line.StartsWith("error: ", StringComparison.Ordinal))
                {
                    lastError = line["error: ".Length..];
                }
            }
        }, CancellationToken.None); // read to the end even when stopping: the worker's last lines say why it ended

        using (stop.Register(() => Terminate(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None);
        }

        watch?.Ended(region, processId);

        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, lastError);
    }

    /// <summary>SIGTERM: the worker stops as Ctrl-C stops it (the day in progress rolls back); killed if it hangs.</summary>
    private static void Terminate(Process process)
    {
        try
        {
            if (OperatingSystem.IsWindows() || SendSignal(process.Id, SigTerm) != 0)
            {
                process.Kill(entireProcessTree: true);
                return;
            }

            _ = Task.Delay(s_stopGrace).ContinueWith(
                _ =>
                {
                    try
                    {
                        if (!process.HasExited)
                        {
                            process.Kill(entireProcessTree: true);
                        }
                    }
                    catch (InvalidOperationException)
                    {
                        // Already gone and disposed.
                    }
                },
                TaskScheduler.Default);
        }
        catch (InvalidOperationException)
        {
            // The worker has already exited.
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
