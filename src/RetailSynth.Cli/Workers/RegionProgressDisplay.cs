using Spectre.Console;

namespace RetailSynth.Cli.Workers;

/// <summary>
/// Combined progress of the region workers on stderr: one bar per region on a terminal; when redirected, each worker's
/// day line prefixed with its region, and a line for every restart, so scripts and tests can follow every commit.
/// </summary>
public sealed class RegionProgressDisplay(CliEnvironment environment)
{
    public async Task<T> RunAsync<T>(IReadOnlyList<int> regions, Func<Action<RegionProgress>, Task<T>> work)
    {
        if (!environment.ErrorIsTerminal)
        {
            return await work(p => environment.Error.WriteLine(Describe(p)));
        }

        return await environment.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = regions.ToDictionary(r => r, r => context.AddTask($"region {r}: starting", maxValue: 1));
                return await work(p =>
                {
                    var bar = bars[p.Region];
                    if (p.Day is { } day)
                    {
                        bar.MaxValue = day.DaysTotal;
                        bar.Value = day.DaysDone;
                    }

                    bar.Description = Markup.Escape(Describe(p));
                });
            });
    }

    private static string Describe(RegionProgress p) => p.Day is { } day
        ? $"region {p.Region}: day {day.Day:yyyy-MM-dd} ({day.DaysDone}/{day.DaysTotal}): {day.DayRows:N0} rows; total {day.TotalRows:N0} rows"
        : $"region {p.Region}: the worker died (exit code {p.ExitCode}); restarting it ({p.Restart}/{RegionWorkerPool.MaxRestarts}) from its last committed day";
}
