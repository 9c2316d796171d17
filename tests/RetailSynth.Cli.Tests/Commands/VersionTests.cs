using System.Text.RegularExpressions;
using RetailSynth.Storage;

namespace RetailSynth.Cli.Tests.Commands;

public sealed partial class VersionTests
{
    [Fact]
    public async Task Version_prints_one_line_with_version_commit_and_model_version_and_exits_0()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("--version");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(VersionLine(), line);
        Assert.EndsWith($"model v{DatasetIdentity.ModelVersion})", line.TrimEnd(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^retailsynth \d+\.\d+\.\d+\S* \(commit ([0-9a-f]{40}|unknown), model v\d+\)\s*$")]
    private static partial Regex VersionLine();
}
