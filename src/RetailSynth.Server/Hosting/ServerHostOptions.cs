using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;

namespace RetailSynth.Server.Hosting;

/// <summary>What the server is built from: validated settings and dictionaries (shared with the CLI) plus host hooks.</summary>
public sealed record ServerHostOptions(RetailSynthSettings Settings, ReferenceDictionaries Dictionaries)
{
    /// <summary>Relative export folders are resolved against it.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The configuration file PUT /api/config writes; null means <c>retailsynth.json</c> in <see cref="WorkingDirectory"/>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The environment variables the settings were loaded with: a config body is validated with them, as at start-up.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The configuration file's full path.</summary>
    public string ConfigFilePath => Path.GetFullPath(ConfigFile ?? Path.Combine(WorkingDirectory, SettingsSources.DefaultConfigFile), WorkingDirectory);

    /// <summary>Extra registrations, applied last: the streaming service, or test doubles.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Logging providers and levels; null keeps the console at Information.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
