using RetailSynth.Jobs;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// Runs a <see cref="FactGenerationJob"/> metered over the span its <see cref="FactGenerationJob.Result.Elapsed"/> times:
/// from the world loaded to the last day committed. What follows — closing the database, whose checkpoint can take a
/// while — is metered apart, so it neither hides nor inflates the days' figures.
/// </summary>
internal static class MeteredFactJob
{
    public sealed record Outcome(FactGenerationJob.Result Result, PhaseCost Days, PhaseCost Close);

    public static Outcome Run(FactGenerationJob job, FactGenerationJob.Range range, Action<FactGenerationJob.Progress> report, CancellationToken cancellationToken)
    {
        var meter = PhaseMeter.Start();
        PhaseCost? days = null;
        job.Started += () => meter = PhaseMeter.Start();
        var result = job.Run(range, progress =>
        {
            if (progress.DaysDone == progress.DaysTotal)
            {
                days = meter.Stop(); // on the writer's thread; Run joins it before returning
                meter = PhaseMeter.Start();
            }

            report(progress);
        }, cancellationToken);
        var rest = meter.Stop();
        return days is null ? new Outcome(result, rest, PhaseCost.Zero) : new Outcome(result, days, rest);
    }
}
