using RetailSynth.Storage.Outbox;

namespace RetailSynth.Streaming.Sinks;

/// <summary>
/// Where events go (streaming.md §6). A sink owns no retry loop: for each event of a batch it reports
/// delivery or a permanent rejection of that event, and anything else as a <see cref="SinkFailure"/>
/// (the relay retries with backoff behind a breaker). It never reports an event delivered after an
/// undelivered earlier event of the same partition key.
/// </summary>
public interface IEventSink : IAsyncDisposable
{
    /// <summary>file, stdout, eventhubs or kafka: shown in status.</summary>
    string Name { get; }

    /// <summary>The most body bytes one batch may hold; the relay never leases more per batch.</summary>
    long MaxBatchBytes { get; }

    /// <summary>
    /// Sends <paramref name="batch"/> in order. Exceptions other than cancellation are treated as a sink failure of the whole batch.
    /// The bodies are valid until the returned task completes: the relay reads the next batch's bodies into the same
    /// buffer, so a sink that keeps a body beyond the call copies it.
    /// </summary>
    Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that the target can be reached without sending an event (POST /api/stream/test-connection, <c>sink test</c>):
    /// Event Hubs reads the hub's properties, Kafka asks for the topic's metadata, the file sink writes and deletes a
    /// probe file. A failure is answered, classified as for a send, never thrown (cancellation aside).
    /// </summary>
    Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken);
}
