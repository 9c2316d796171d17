using Microsoft.Extensions.Logging;
using RetailSynth.Jobs.Streaming;

namespace RetailSynth.Cli;

/// <summary>
/// What an outbox or sink command works with: its loaded settings and the stream session and outbox service, with the
/// logging that service writes to. Disposing it disposes the service first, then the logging.
/// </summary>
internal sealed class StreamingScope(RetailSynthSettings settings, ILoggerFactory logging, StreamingService streaming) : IAsyncDisposable
{
    public RetailSynthSettings Settings { get; } = settings;

    public StreamingService Streaming { get; } = streaming;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Streaming.DisposeAsync();
        }
        finally
        {
            logging.Dispose();
        }
    }
}
