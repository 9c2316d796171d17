using System.Diagnostics.Metrics;

namespace RetailSynth.Foundation.Diagnostics;

/// <summary>
/// The "RetailSynth" meter and its instruments, one instance per DI container (created through
/// <see cref="IMeterFactory"/>, no static mutable state). Generation records rows, the streaming relay records events
/// sent, send latency and the outbox backlog; hosts export them (the server: Prometheus at <c>/metrics</c>).
/// </summary>
public sealed class RetailSynthMetrics
{
    public const string MeterName = "RetailSynth";

    /// <summary>Instrument names, for exporters, dashboards and tests.</summary>
    public static class Names
    {
        public const string RowsGenerated = "retailsynth.rows.generated";
        public const string EventsSent = "retailsynth.events.sent";
        public const string SendDuration = "retailsynth.send.duration";
        public const string OutboxPending = "retailsynth.outbox.pending";
    }

    public RetailSynthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        RowsGenerated = meter.CreateCounter<long>(Names.RowsGenerated, "{row}", "Fact rows committed by generation (tag kind: historical or stream).");
        EventsSent = meter.CreateCounter<long>(Names.EventsSent, "{event}", "Events acknowledged by the sink.");
        SendDuration = meter.CreateHistogram<double>(Names.SendDuration, "s", "Time to send one batch to the sink.");
        OutboxPending = meter.CreateGauge<long>(Names.OutboxPending, "{event}", "Events pending in the outbox at the last observation.");
    }

    public Counter<long> RowsGenerated { get; }

    public Counter<long> EventsSent { get; }

    public Histogram<double> SendDuration { get; }

    public Gauge<long> OutboxPending { get; }
}
