namespace RetailSynth.Foundation.Configuration;

/// <summary>Where settings come from, lowest precedence first: file, environment, command line.</summary>
public sealed record SettingsSources
{
    public const string DefaultConfigFile = "retailsynth.json";
    public const string EnvironmentPrefix = "RETAILSYNTH__";

    /// <summary>An explicit <c>--config</c> path (must exist); null means <c>retailsynth.json</c> if present.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// The text of a configuration file to validate instead of reading one (PUT /api/config checks a body before it
    /// writes it); when set, <see cref="ConfigFile"/> and <c>retailsynth.json</c> are not read.
    /// </summary>
    public string? ConfigJson { get; init; }

    /// <summary>The working directory in which <c>retailsynth.json</c> is looked for.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Environment variables; only those starting with <see cref="EnvironmentPrefix"/> are read.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line overrides, keyed like configuration (<c>Storage:DatabasePath</c>).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
