using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors;

/// <summary>Registers the sinks of every kind for <see cref="Composition.RetailSynthServiceCollectionExtensions.AddRetailSynth"/>.</summary>
public static class SinkServiceCollectionExtensions
{
    /// <param name="services">The host's service collection.</param>
    /// <param name="standardOutput">Opens the stream the stdout sink writes to (the host decides how).</param>
    public static IServiceCollection AddRetailSynthSinks(this IServiceCollection services, Func<Stream> standardOutput) =>
        services.AddSingleton<ISinkFactory>(sp => new SinkFactory(sp.GetRequiredService<ILoggerFactory>(), standardOutput));
}
