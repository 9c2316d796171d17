using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailSynth.Composition;
using RetailSynth.Connectors;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Reference;
using RetailSynth.Streaming.Sinks;
using Spectre.Console;

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
                ConfigFile = ConfigFilePath(options),
                WorkingDirectory = Environment.WorkingDirectory,
                Environment = Environment.Variables,
                Overrides = overrides,
            },
            Dictionaries.Limits);
        settings.Storage.DatabasePath = Path.GetFullPath(Path.Combine(Environment.WorkingDirectory, settings.Storage.DatabasePath));
        settings.Streaming.File.Directory = Path.GetFullPath(Path.Combine(Environment.WorkingDirectory, settings.Streaming.File.Directory));
        return settings;
    }

    /// <summary>The --config file against the working directory; null when the option is absent.</summary>
    public string? ConfigFilePath(GlobalSettings options) =>
        options.ConfigFile is null ? null : Path.Combine(Environment.WorkingDirectory, options.ConfigFile);

    /// <summary>The same file as an absolute path, for a child process started in another folder.</summary>
    public string? FullConfigFilePath(GlobalSettings options) => ConfigFilePath(options) is { } config ? Path.GetFullPath(config) : null;

    /// <summary>
    /// The stream session and outbox service for one command run; <paramref name="readsOnly"/> for the commands that only
    /// read the outbox (status, preview, dead), which then open the file read-only.
    /// </summary>
    /// <remarks>
    /// Built from the same registration as the server's (<see cref="RetailSynthServiceCollectionExtensions.AddRetailSynth"/>),
    /// once the command's settings are loaded. The command owns and disposes the service; the container holds nothing
    /// else that needs disposing, so it is left to the collector.
    /// </remarks>
    public StreamingService CreateStreaming(RetailSynthSettings settings, ILoggerFactory logging, bool readsOnly = false) => new ServiceCollection()
        .AddSingleton(logging)
        .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
        .AddSingleton<IRefusalWording>(RefusalWording.Instance)
        .AddRetailSynth(settings, Dictionaries, readsOnly)
        .AddRetailSynthSinks(StandardOutput.Open)
        .BuildServiceProvider()
        .GetRequiredService<StreamingService>();

    /// <summary>The command's settings loaded, and its stream session and outbox service (see <see cref="CreateStreaming"/>).</summary>
    internal StreamingScope OpenStreaming(GlobalSettings options, bool readsOnly = false) =>
        OpenStreaming(options, LoadSettings(options), readsOnly);

    /// <summary>The stream session and outbox service on settings the command has loaded (and checked) already.</summary>
    internal StreamingScope OpenStreaming(GlobalSettings options, RetailSynthSettings settings, bool readsOnly = false)
    {
        var logging = CreateLogging(options);
        try
        {
            return new StreamingScope(settings, logging, CreateStreaming(settings, logging, readsOnly));
        }
        catch
        {
            logging.Dispose();
            throw;
        }
    }

    /// <summary>An outbox command that changes rows (clear, requeue-dead): runs <paramref name="change"/> and prints the line it returns.</summary>
    public async Task<int> ChangeOutboxAsync(GlobalSettings options, Func<StreamingService, string> change)
    {
        await using var scope = OpenStreaming(options);
        Environment.Out.WriteLine(change(scope.Streaming));
        return CliApp.ExitOk;
    }

    public ILoggerFactory CreateLogging(GlobalSettings options) =>
        LoggerFactory.Create(builder => builder.AddRetailSynthConsole(options.Verbose ? LogLevel.Debug : LogLevel.Warning));
}
