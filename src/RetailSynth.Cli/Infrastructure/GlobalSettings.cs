using System.ComponentModel;
using Spectre.Console.Cli;

namespace RetailSynth.Cli;

/// <summary>Options every command accepts.</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("--config <FILE>")]
    [Description("Configuration file (default: ./retailsynth.json if present).")]
    public string? ConfigFile { get; init; }

    [CommandOption("--database <FILE>")]
    [Description("DuckDB database file (default: data/retail.duckdb). Same as Storage:DatabasePath.")]
    public string? Database { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Debug logging and stack traces on errors.")]
    public bool Verbose { get; init; }

    /// <summary>Command-line values as configuration keys; they override file and environment.</summary>
    public virtual IReadOnlyDictionary<string, string?> ConfigurationOverrides() =>
        WithOverrides(new Dictionary<string, string?>(), ("Storage:DatabasePath", Database));

    /// <summary>
    /// <paramref name="inherited"/> (a base class's overrides) plus each given option that was set: an option left out
    /// of the command line keeps the file's or the environment's value.
    /// </summary>
    protected static IReadOnlyDictionary<string, string?> WithOverrides(
        IReadOnlyDictionary<string, string?> inherited, params (string Key, string? Value)[] options)
    {
        var overrides = new Dictionary<string, string?>(inherited);
        foreach (var (key, value) in options)
        {
            if (value is not null)
            {
                overrides[key] = value;
            }
        }

        return overrides;
    }
}
