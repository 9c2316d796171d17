namespace RetailSynth.Streaming.Sinks;

/// <summary>NDJSON to standard output, flushed once per batch. Hosts send every other line to stderr while it runs.</summary>
public sealed class StdoutSink(Stream output) : IEventSink
{
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
        catch (IOException ex)
        {
            return SendReport.Failed(batch.Count, new SinkFailure(SinkFailureKind.Transient, $"cannot write to standard output: {ex.Message}"));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
