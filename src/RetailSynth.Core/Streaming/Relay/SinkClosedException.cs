using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Streaming.Relay;

/// <summary>
/// Raised inside the resilience pipeline when the sink's receiver is gone for good (<see cref="SinkFailureKind.Closed"/>):
/// retry and breaker do not handle it, so the drain ends at once.
/// </summary>
internal sealed class SinkClosedException(SinkFailure failure) : Exception(failure.Message)
{
    public SinkFailure Failure { get; } = failure;
}
