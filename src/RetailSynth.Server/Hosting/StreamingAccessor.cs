using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Streaming;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// The process's <see cref="IStreamingService"/>, if the host registered one. Generation asks it whether a session
/// runs; the stream routes answer 503 without it.
/// </summary>
internal sealed class StreamingAccessor(IServiceProvider services)
{
    public IStreamingService? Service => services.GetService<IStreamingService>();

    public bool IsStreaming => Service?.Status.Running == true;

    /// <summary>Refuses (409) while a stream session runs: generation and dimension writes wait for it.</summary>
    public void EnsureNotStreaming()
    {
        if (IsStreaming)
        {
            throw new RefusedException("Refused: a stream session is running; stop it first (POST /api/stream/stop).");
        }
    }
}
