using System.Diagnostics;
using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>
/// Progress of a multi-stage job on stderr: a live Spectre.Console status on a terminal,
/// plain timestamped lines when redirected (progress bars draw nothing without a TTY).
/// </summary>
public sealed class StageReporter(CliEnvironment environment)
{
    public async Task<T> RunAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        if (environment.ErrorIsTerminal)
        {
            return await environment.Error.Status().StartAsync(title, async context =>
                await work(stage => context.Status($"{title}: {stage}")));
        }

        environment.Error.WriteLine($"{title}…");
        return await work(stage => environment.Error.WriteLine($"  [{clock.Elapsed.TotalSeconds,6:0.0}s] {stage}"));
    }
}
