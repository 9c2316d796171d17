namespace RetailSynth.Streaming.Sinks;

public enum SinkFailureKind
{
    /// <summary>Connection lost or refused, timeout, throttling, a failed batch: likely to clear by itself.</summary>
    Transient,

    /// <summary>Authentication, authorisation, a missing hub or topic: needs an operator, but is still retried, never dead-lettered (§4).</summary>
    Configuration,

    /// <summary>
    /// The receiver is gone for good — standard output's reader exited (a broken pipe, as after <c>| head</c>): nothing
    /// more can be delivered, so the session ends without retrying and the events stay pending.
    /// </summary>
    Closed,
}

/// <summary>Why a sink could not deliver (part of) a batch. <see cref="Message"/> must never contain a secret.</summary>
public sealed record SinkFailure(SinkFailureKind Kind, string Message);
