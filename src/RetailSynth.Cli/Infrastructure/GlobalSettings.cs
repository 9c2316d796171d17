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
    public virtual IReadOnlyDictionary<string, string?> ConfigurationOverrides()
    {
        var overrides = new Dictionary<string, string?>();
        if (Database is not null)
        {
            overrides["Storage:DatabasePath"] = Database;
        }

        return overrides;
    }
}
