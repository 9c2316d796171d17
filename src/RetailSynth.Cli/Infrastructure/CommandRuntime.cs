using Microsoft.Extensions.Logging;
using RetailSynth.Configuration;
using RetailSynth.Connectors;
using RetailSynth.Dictionaries;
using RetailSynth.Jobs;
using RetailSynth.Streaming;

namespace RetailSynth.Cli;

/// <summary>Loads what every command needs: dictionaries, validated settings, logging.</summary>
public sealed class CommandRuntime(CliEnvironment environment)
{
    private readonly Lazy<ReferenceDictionaries> _dictionaries = new(ReferenceDictionaries.LoadEmbedded);

    public CliEnvironment Environment { get; } = environment;

    public ReferenceDictionaries Dictionaries => _dictionaries.Value;

    /// <param name="extraOverrides">Values the command computed itself (e.g. demo's start date), above the command line's.</param>
    public RetailSynthSettings LoadSettings(GlobalSettings options, IReadOnlyDictionary<string, string?>? extraOverrides = null)
    {
        var overrides = new Dictionary<string, string?>(options.ConfigurationOverrides());
        foreach (var (key, value) in extraOverrides ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var settings = SettingsLoader.Load(
            new SettingsSources
            {
                ConfigFile = options.ConfigFile is null ? null : Path.Combine(Environment.WorkingDirectory, options.ConfigFile),
                WorkingDirectory = Environment.WorkingDirectory,
                Environment = Environment.Variables,
                Overrides = overrides,
            },
            Dictionaries.Limits);
        settings.Storage.DatabasePath = Path.GetFullPath(Path.Combine(Environment.WorkingDirectory, settings.Storage.DatabasePath));
        settings.Streaming.File.Directory = Path.GetFullPath(Path.Combine(Environment.WorkingDirectory, settings.Streaming.File.Directory));
        return settings;
    }

    /// <summary>
    /// The stream session and outbox service for one command run; <paramref name="readsOnly"/> for the commands that only
    /// read the outbox (status, preview, dead), which then open the file read-only.
    /// </summary>
    public StreamingService CreateStreaming(RetailSynthSettings settings, ILoggerFactory logging, bool readsOnly = false) => new(
        settings,
        Dictionaries,
        new WriterGate(),
        new SinkFactory(logging, StandardOutput.Open),
        TimeProvider.System,
        logging.CreateLogger<StreamingService>(),
        readsOpenTheFileReadOnly: readsOnly);

    public ILoggerFactory CreateLogging(GlobalSettings options) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Warning)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
}
