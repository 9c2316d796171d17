using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Reference;
using RetailSynth.Storage;

namespace RetailSynth.Jobs;

/// <summary>
/// A new database gets its dimensions first, so `retailsynth stream` works on a fresh checkout; they are a pure
/// function of the settings, exactly what `generate dimensions` would write. Silent but for one log line.
/// </summary>
internal sealed partial class DimensionBootstrap(RetailSynthSettings settings, ReferenceDictionaries dictionaries, ILogger logger)
{
    public void EnsureDimensions()
    {
        using (var database = RetailDatabase.Open(settings.Storage.DatabasePath))
        {
            if (new DimensionStore(database).ReadState() is not null)
            {
                return;
            }
        }

        LogGeneratingDimensions(settings.Storage.DatabasePath, settings.Simulation.Profile);
        new DimensionJob(settings, dictionaries, NullLogger<DimensionJob>.Instance).Run(force: false, _ => { }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database {Path} has no dimensions yet: generating them for profile {Profile} first")]
    private partial void LogGeneratingDimensions(string path, string profile);
}
