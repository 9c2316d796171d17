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

    /// <summary>Extra registrations, applied last: the streaming service, or test doubles.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Logging providers and levels; null keeps the console at Information.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
