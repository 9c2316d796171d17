namespace RetailSynth.Jobs.Streaming;

/// <summary>A simulated day fully delivered by a stream session: when (since the session started) and the session's events sent by then.</summary>
public sealed record DayDelivery(DateOnly Day, TimeSpan SinceStart, long EventsSent);
