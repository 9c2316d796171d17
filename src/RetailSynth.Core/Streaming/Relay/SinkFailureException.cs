using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Streaming.Relay;

/// <summary>Raised inside the resilience pipeline so that retry and breaker see a sink failure.</summary>
internal sealed class SinkFailureException(SinkFailure failure) : Exception(failure.Message)
{
    public SinkFailure Failure { get; } = failure;
}
