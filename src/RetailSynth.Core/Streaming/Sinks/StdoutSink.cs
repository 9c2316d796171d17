using RetailSynth.Storage.Outbox;

namespace RetailSynth.Streaming.Sinks;

/// <summary>NDJSON to standard output, flushed once per batch. Hosts send every other line to stderr while it runs.</summary>
/// <remarks>
/// <paramref name="output"/> must report a broken pipe: .NET's console stream treats EPIPE as a successful write, which
/// would count every event written into a closed pipe as delivered. A batch that meets a closed reader is not
/// delivered (a <see cref="SinkFailureKind.Closed"/> failure).
/// </remarks>
public sealed class StdoutSink(Stream output) : IEventSink
{
    /// <summary>errno of a write to a pipe whose reader has closed (Linux and macOS), which .NET puts in the exception's HResult.</summary>
    private const int BrokenPipe = 32;

    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    public string Name => "stdout";

    public long MaxBatchBytes => FileSink.BatchByteLimit;

    public async Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var e in batch)
            {
                await output.WriteAsync(e.Body, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(s_newLine, cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return SendReport.AllDelivered(batch.Count);
        }
        catch (IOException ex) when (ex.HResult == BrokenPipe)
        {
            return SendReport.Failed(batch.Count, new SinkFailure(SinkFailureKind.Closed, "standard output was closed by its reader"));
        }
        catch (IOException ex)
        {
            return SendReport.Failed(batch.Count, new SinkFailure(SinkFailureKind.Transient, $"cannot write to standard output: {ex.Message}"));
        }
    }

    /// <summary>Standard output is always there; whether its reader stays is only known when a batch meets it.</summary>
    public Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(SinkProbe.Ok);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
