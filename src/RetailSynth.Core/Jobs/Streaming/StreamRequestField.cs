namespace RetailSynth.Jobs.Streaming;

/// <summary>The fields of a <see cref="StreamRequest"/>; each host names them its own way (<c>--speed</c>, <c>speed</c>).</summary>
public enum StreamRequestField
{
    Duration,
    Days,
    Sink,
    Pacing,
    Speed,
    MaxEventsPerSecond,
}
