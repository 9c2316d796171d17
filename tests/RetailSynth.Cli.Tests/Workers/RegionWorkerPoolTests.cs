using RetailSynth.Cli.Workers;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Workers;

/// <summary>
/// The pool's process rules with stand-in workers (bash scripts that print the day line, die or get refused); the
/// real <c>generate facts --workers</c> runs are in the command's tests.
/// </summary>
public sealed class RegionWorkerPoolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private const string CommitOneDay = "echo 'day 2024-01-01 (1/1): 1,234 rows; total 1,234 rows, 100 rows/s, ETA 00:00:00' >&2";

    private RegionWorkerPool Pool(int maxWorkers) => new(new SelfLaunch("bash", []), maxWorkers, _folder.Path, new Dictionary<string, string?>());

    private static Func<int, IReadOnlyList<string>> Script(Func<int, string> body) => region => ["-c", body(region)];

    [Fact]
    public async Task Every_region_runs_and_reports_its_committed_days()
    {
        var progress = new List<RegionProgress>();
        var outcomes = await Pool(2).RunAsync([0, 1, 2], Script(_ => CommitOneDay), progress.Add, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal([0, 1, 2], progress.Select(p => p.Region).Order());
        Assert.All(progress, p => Assert.Equal(1_234, p.Day!.DayRows));
    }

    [Fact]
    public async Task A_worker_that_dies_is_started_again_and_resumes()
    {
        // The first run of region 1 kills itself (as the OOM killer would); the second commits its day.
        var marker = _folder.File("died-once");
        var progress = new List<RegionProgress>();
        var outcomes = await Pool(2).RunAsync(
            [0, 1],
            Script(r => r == 1 ? $"if [ ! -f {marker} ]; then touch {marker}; kill -9 $$; fi; {CommitOneDay}" : CommitOneDay),
            progress.Add,
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(1, outcomes[1].Restarts);
        Assert.Contains(progress, p => p is { Region: 1, Day: null, Restart: 1 });
        Assert.Contains(progress, p => p is { Region: 1, Day: not null });
    }

    [Fact]
    public async Task A_worker_that_keeps_dying_is_given_up_after_three_restarts()
    {
        var outcomes = await Pool(1).RunAsync([0], Script(_ => "kill -9 $$"), _ => { }, CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.False(outcome.Succeeded);
        Assert.Equal(RegionWorkerPool.MaxRestarts, outcome.Restarts);
    }

    [Fact]
    public async Task A_refused_worker_is_not_retried_and_stops_the_others_with_its_line()
    {
        // Region 0 refuses only once region 1 has its TERM trap: a SIGTERM before it would end bash with 143, not 130.
        var ready = _folder.File("ready-1");
        var outcomes = await Pool(2).RunAsync(
            [0, 1],
            Script(r => r == 0
                ? $"while [ ! -f {ready} ]; do sleep 0.05; done; echo 'error: region 0 is refused' >&2; exit 1"
                : $"trap 'kill $! 2>/dev/null; exit 130' TERM; sleep 60 & touch {ready}; wait"),
            _ => { },
            CancellationToken.None);

        Assert.Equal((1, 0, "region 0 is refused"), (outcomes[0].ExitCode, outcomes[0].Restarts, outcomes[0].LastError));
        Assert.Equal(CliApp.ExitCancelled, outcomes[1].ExitCode);
    }

    [Fact]
    public async Task Cancelling_stops_every_worker_with_sigterm_as_ctrl_c_would()
    {
        using var cancel = new CancellationTokenSource();
        var started = _folder.File("started");
        var run = Pool(2).RunAsync(
            [0, 1],
            Script(r => $"sleep 60 & trap 'kill $!; echo stopped > {_folder.File("stopped-")}{r}; exit 130' TERM; touch {started}{r}; wait"),
            _ => { },
            cancel.Token);
        while (!File.Exists(started + "0") || !File.Exists(started + "1"))
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();
        var outcomes = await run;

        Assert.All(outcomes, o => Assert.Equal(CliApp.ExitCancelled, o.ExitCode));
        Assert.True(File.Exists(_folder.File("stopped-0")) && File.Exists(_folder.File("stopped-1")), "a worker was killed, not stopped");
    }

    [Fact]
    public async Task At_most_the_given_number_of_workers_run_at_once()
    {
        // Each worker appends "+" when it starts and "-" when it ends; with one slot they never overlap.
        var log = _folder.File("log");
        await Pool(1).RunAsync([0, 1, 2], Script(_ => $"echo + >> {log}; sleep 0.2; echo - >> {log}"), _ => { }, CancellationToken.None);

        Assert.Equal("+-+-+-", string.Concat(File.ReadAllLines(log)));
    }

    [Fact]
    public async Task A_watch_is_told_of_each_worker_process_start_and_end_with_its_pid()
    {
        var pids = _folder.File("pids");
        var watch = new RecordingWatch();
        var pool = new RegionWorkerPool(new SelfLaunch("bash", []), 2, _folder.Path, new Dictionary<string, string?>(), watch);

        await pool.RunAsync([0, 1], Script(r => $"echo {r}:$$ >> {pids}"), _ => { }, CancellationToken.None);

        var expected = File.ReadAllLines(pids).Order().ToList();
        Assert.Equal(expected, watch.Started.Order());
        Assert.Equal(expected, watch.Ended.Order());
    }

    private sealed class RecordingWatch : IRegionWorkerWatch
    {
        private readonly Lock _lock = new();

        public List<string> Started { get; } = [];

        public List<string> Ended { get; } = [];

        void IRegionWorkerWatch.Started(int region, int processId)
        {
            lock (_lock)
            {
                Started.Add($"{region}:{processId}");
            }
        }

        void IRegionWorkerWatch.Ended(int region, int processId)
        {
            lock (_lock)
            {
                Ended.Add($"{region}:{processId}");
            }
        }
    }

    public void Dispose() => _folder.Dispose();
}
