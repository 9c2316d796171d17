using System.Diagnostics;
using System.Runtime.InteropServices;
using RetailSynth.Cli.Workers;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// Runs one <c>retailsynth</c> command as a child process, as a user runs it (a cold process: its own start-up, world
/// load and JIT), and measures it from outside: wall time, CPU time and peak resident set. CPU comes from
/// <c>getrusage(RUSAGE_CHILDREN)</c> before and after (the runtime reaps its children, so their times land there; exact,
/// as long as no other child of this process ends meanwhile). The peak is the kernel's high-water mark (VmHWM), read
/// every <see cref="WorkerMeter.Interval"/> while the child lives: growth in its last interval is missed. Off Linux
/// neither is available (null).
/// </summary>
public static partial class CommandRun
{
    /// <summary>What the command cost; <paramref name="Output"/> is its standard output and error, for a failure's message.</summary>
    public sealed record Result(int ExitCode, double WallSeconds, double? CpuSeconds, double? PeakRssMiB, string Output);

    public static async Task<Result> RunAsync(
        SelfLaunch launch, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> variables,
        CancellationToken cancellationToken)
    {
        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(launch.StartInfo(arguments, workingDirectory, variables))
            ?? throw new InvalidOperationException($"could not start `retailsynth {string.Join(' ', arguments)}`");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var peakKiB = 0L;
        try
        {
            using var timer = new PeriodicTimer(WorkerMeter.Interval);
            while (!process.HasExited)
            {
                peakKiB = Math.Max(peakKiB, WorkerMeter.ReadHighWaterMarkKiB(process.Id) ?? 0);
                await timer.WaitForNextTickAsync(cancellationToken);
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var wall = clock.Elapsed.TotalSeconds;
        var cpuAfter = ChildrenCpuSeconds();
        return new Result(
            process.ExitCode,
            wall,
            cpuBefore is { } before && cpuAfter is { } after ? after - before : null,
            peakKiB > 0 ? peakKiB / 1024.0 : null,
            await output + await error);
    }

    /// <summary>User + system seconds of every child this process has reaped; null off Linux.</summary>
    private static double? ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var usage = new ResourceUsage();
        return GetResourceUsage(ResourceUsageOfChildren, ref usage) == 0
            ? usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6)
            : null;
    }

    private const int ResourceUsageOfChildren = -1; // RUSAGE_CHILDREN

    /// <summary>Linux x64/arm64 <c>struct rusage</c>: two <c>timeval</c>s, then fourteen longs this class does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private unsafe fixed long _rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, ref ResourceUsage usage);
}
