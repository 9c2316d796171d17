using RetailSynth.Jobs;
using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>
/// Live progress of day generation on stderr (days, rows, rows/s, ETA): a Spectre.Console progress bar on
/// a terminal, one plain line per committed day when redirected (scripts and tests can follow the commits).
/// </summary>
public sealed class DayProgressDisplay(CliEnvironment environment)
{
    public async Task<T> RunAsync<T>(Func<Action<FactGenerationJob.Progress>, Task<T>> work)
    {
        if (environment.ErrorIsTerminal)
        {
            return await environment.Error.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("generating days", maxValue: 1);
                    return await work(p =>
                    {
                        task.MaxValue = p.DaysTotal;
                        task.Value = p.DaysDone;
                        task.Description = $"day {p.Day:yyyy-MM-dd} ({p.DaysDone}/{p.DaysTotal}) {p.TotalRows:N0} rows {p.RowsPerSecond:N0} rows/s";
                    });
                });
        }

        return await work(p => environment.Error.WriteLine(DayProgressLine.Format(p)));
    }
}
