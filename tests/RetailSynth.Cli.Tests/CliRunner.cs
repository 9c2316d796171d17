using System.Diagnostics;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests;

/// <summary>Runs <c>retailsynth</c> in-process (fast) or as a real child process, in its own working folder.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly TempFolder _folder = new();

    public string WorkingDirectory => _folder.Path;

    public string DatabasePath => _folder.File("data/retail.duckdb");

    public Dictionary<string, string?> Environment { get; } = new();

    public string File(string name) => _folder.File(name);

    /// <summary>Region <paramref name="region"/>'s file of a dataset of several regions (scale-out §3).</summary>
    public string RegionFile(int region) => _folder.File($"data/regions/region-{region:000}.duckdb");

    /// <summary>A reduced world (<see cref="ReducedWorld"/>) of <paramref name="regions"/> regions with <paramref name="distributionCenters"/> DCs each.</summary>
    public static CliRunner WithRegions(int regions, int distributionCenters, string startDate, int stores, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var cli = new CliRunner();
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Regions"] = regions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DistributionCenters"] = distributionCenters.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        ReducedWorld.ApplyTo(cli.Environment, startDate, stores, settings);
        return cli;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, CliEnvironment.Plain(output, error, Environment, WorkingDirectory), CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The real executable with redirected output, as a user's script would run it.</summary>
    public async Task<CliResult> RunProcessAsync(params string[] args)
    {
        using var process = StartProcess(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the real executable; the caller reads its redirected streams and may kill it.</summary>
    public Process StartProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "retailsynth.dll"), .. args])
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    public void Dispose() => _folder.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The single <c>error:</c> line a failed command prints (progress lines may precede it).</summary>
    public string SingleErrorLine => Assert.Single(ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal));
}
