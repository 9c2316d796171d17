using System.Text.RegularExpressions;

namespace RetailSynth.Cli.Tests;

public partial class HelpTests
{
    [Fact]
    public async Task Help_of_every_command_and_subcommand_prints_its_usage_and_exits_0()
    {
        using var cli = new CliRunner();
        var visited = new List<string>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            var result = await cli.RunAsync([.. path, "--help"]);
            var name = path.Length == 0 ? "(root)" : string.Join(' ', path);

            Assert.True(result.ExitCode == CliApp.ExitOk, $"`retailsynth {name} --help` exited {result.ExitCode}: {result.Error}{result.Output}");
            Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
            visited.Add(name);

            // The COMMANDS section lists the subcommands: discovered, not listed here, so a new command is covered too.
            foreach (var subcommand in SubcommandsIn(result.Output))
            {
                pending.Enqueue([.. path, subcommand]);
            }
        }

        Assert.Contains("export", visited);
        Assert.Contains("generate facts", visited);
        Assert.Contains("outbox requeue-dead", visited);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("upload")]
    public async Task Help_shows_square_brackets_in_option_text_literally(string command)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(command, "--help");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains("<container>[/<folder>]", result.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<string> SubcommandsIn(string help)
    {
        var section = help.IndexOf("COMMANDS:", StringComparison.Ordinal);
        if (section < 0)
        {
            yield break;
        }

        foreach (var line in help[section..].Split('\n').Skip(1))
        {
            var match = CommandLine().Match(line);
            if (match.Success)
            {
                yield return match.Groups[1].Value;
            }
        }
    }

    // "    export    Export tables…" (a command name indented under COMMANDS:, with its arguments or description after).
    [GeneratedRegex(@"^\s{2,}([a-z][a-z-]*)(\s|$)")]
    private static partial Regex CommandLine();
}
