using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Reference;

namespace RetailSynth.Composition;

/// <summary>The services every host shares, registered in one place: the CLI's command runtime and the server both call it.</summary>
public static class RetailSynthServiceCollectionExtensions
{
    /// <summary>
    /// Validated settings, dictionaries, the clock, the writer gate, metrics and the streaming service. The host adds
    /// logging and an <see cref="RetailSynth.Streaming.Sinks.ISinkFactory"/> (the sinks live in the connectors).
    /// <paramref name="readsOpenTheFileReadOnly"/>: the streaming service opens the file read-only for reads when
    /// no one else in the process holds it (the CLI's outbox commands); a server keeps its writer and must not.
    /// </summary>
    public static IServiceCollection AddRetailSynth(
        this IServiceCollection services, RetailSynthSettings settings, ReferenceDictionaries dictionaries, bool readsOpenTheFileReadOnly = false)
    {
        services.AddSingleton(settings);
        services.AddSingleton(dictionaries);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRefusalWording>(NeutralRefusalWording.Instance); // a host registers its own words first
        services.AddSingleton<WriterGate>();
        services.AddMetrics();
        services.AddSingleton<RetailSynthMetrics>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StreamingService>(sp, readsOpenTheFileReadOnly));
        services.AddSingleton<IStreamingService>(sp => sp.GetRequiredService<StreamingService>());
        return services;
    }
}
