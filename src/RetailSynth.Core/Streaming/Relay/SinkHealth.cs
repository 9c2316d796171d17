namespace RetailSynth.Streaming.Relay;

public sealed record SinkHealth(string Type, BreakerState Breaker, int ConsecutiveFailures, string? LastError);
