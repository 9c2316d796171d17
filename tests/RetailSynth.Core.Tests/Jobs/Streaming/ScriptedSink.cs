using System.Collections.Concurrent;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Core.Tests.Jobs.Streaming;

/// <summary>A sink whose behaviour the test scripts: it records what it delivered, can fail every send, and can reject chosen events.</summary>
public sealed class ScriptedSink : IEventSink, ISinkFactory
{
    public ConcurrentQueue<OutboundEvent> Delivered { get; } = new();

    private volatile bool _down;
    private int _attempts;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public Func<OutboundEvent, bool> Rejects { get; set; } = _ => false;

    /// <summary>Called before each batch is handled (a probe of the database, for instance).</summary>
    public Action<IReadOnlyList<OutboundEvent>>? OnBatch { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    public string Name => "scripted";

    public long MaxBatchBytes => 1L << 20;

    public IEventSink Create(StreamingOptions options) => this;

    public Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        OnBatch?.Invoke(batch);
        if (Down)
        {
            return Task.FromResult(SendReport.Failed(batch.Count, new SinkFailure(SinkFailureKind.Transient, "connection refused (scripted)")));
        }

        var report = new SendReport(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (Rejects(batch[i]))
            {
                report.Rejected(i, "too large for the sink (scripted)");
            }
            else
            {
                Delivered.Enqueue(batch[i] with { Body = batch[i].Body.ToArray() }); // the relay reuses the body buffer
                report.Delivered(i);
            }
        }

        return Task.FromResult(report);
    }

    public Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(SinkProbe.Ok);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
