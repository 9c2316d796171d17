using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>
/// What a CLI run talks to: stdout for results, stderr for progress, logs and errors, the
/// environment and working directory for configuration. Tests pass their own.
/// </summary>
public sealed record CliEnvironment(
    IAnsiConsole Out,
    IAnsiConsole Error,
    bool ErrorIsTerminal,
    IReadOnlyDictionary<string, string?> Variables,
    string WorkingDirectory)
{
    public static CliEnvironment FromProcess() => new(
        ProcessConsole(Console.Out, Console.IsOutputRedirected),
        ProcessConsole(Console.Error, Console.IsErrorRedirected),
        !Console.IsErrorRedirected,
        RetailSynth.Foundation.Configuration.SettingsSources.ProcessEnvironment(),
        Directory.GetCurrentDirectory());

    private static IAnsiConsole ProcessConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            // Redirected output goes to logs and files: never wrap a line at an imagined 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }

    /// <summary>A plain-text environment writing into the given writers (no colours, no terminal).</summary>
    public static CliEnvironment Plain(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> variables, string workingDirectory) => new(
        PlainConsole(output),
        PlainConsole(error),
        false,
        variables,
        workingDirectory);

    private static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }
}
