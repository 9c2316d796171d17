using System.Text;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task Verbose_turns_an_unexpected_failure_into_exit_1_with_one_error_line_and_the_stack_trace_never_a_crash()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, stores: 2);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        var error = new StringWriter();

        // A closed stdout pipe (`retailsynth status --verbose | head -0`) is an IOException no command expects.
        var exitCode = await CliApp.RunAsync(
            ["status", "--verbose"], CliEnvironment.Plain(new BrokenPipeWriter(), error, cli.Environment, cli.WorkingDirectory), CancellationToken.None);

        Assert.Equal(CliApp.ExitFailed, exitCode);
        var text = error.ToString();
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: Unexpected failure: IOException: Broken pipe", line, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal);
    }

    private sealed class BrokenPipeWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");
    }
}
