using System.Diagnostics;

namespace RetailSynth.Cli.Workers;

/// <summary>
/// How to start this <c>retailsynth</c> again as a child process: the native launcher when the user ran it, else
/// <c>dotnet retailsynth.dll</c> (a <c>dotnet run</c> or a test host has no launcher of ours to reuse).
/// </summary>
public sealed record SelfLaunch(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static SelfLaunch Current()
    {
        var assembly = typeof(CliApp).Assembly.Location;
        var launcher = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (Environment.ProcessPath is { } process && string.Equals(process, launcher, StringComparison.Ordinal))
        {
            return new SelfLaunch(process, []);
        }

        // The host that runs us (DOTNET_HOST_PATH is set by the SDK), else the muxer on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return new SelfLaunch(dotnet, [assembly]);
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> variables)
    {
        var start = new ProcessStartInfo(FileName, [.. LeadingArguments, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
