namespace RetailSynth.Streaming.Relay;

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}
