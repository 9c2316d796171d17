using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth config validate [--config FILE]</c>: loads the settings as every command does (file, environment,
/// command line) and says they are valid, or exits 1 with every problem in one line.
/// </summary>
public sealed class ConfigValidateCommand(CommandRuntime runtime) : Command<GlobalSettings>
{
    public override int Execute(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        runtime.LoadSettings(settings); // a SettingsException is the one-line error, exit 1
        var file = Path.GetFullPath(settings.ConfigFile ?? SettingsSources.DefaultConfigFile, runtime.Environment.WorkingDirectory);
        var source = File.Exists(file) ? file : $"no {SettingsSources.DefaultConfigFile}; defaults and environment";
        runtime.Environment.Out.WriteLine($"The configuration is valid ({source}).");
        return CliApp.ExitOk;
    }
}
