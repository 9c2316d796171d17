namespace RetailSynth.Streaming.Sinks;

/// <summary>
/// What <see cref="IEventSink.ProbeAsync"/> found: the sink can be reached (and written) or the classified reason it
/// cannot. <see cref="Failure"/>'s message follows the rule of every sink message: never a secret.
/// </summary>
public sealed record SinkProbe(SinkFailure? Failure)
{
    public static SinkProbe Ok { get; } = new((SinkFailure?)null);

    public bool Succeeded => Failure is null;

    public static SinkProbe Failed(SinkFailureKind kind, string message) => new(new SinkFailure(kind, message));
}
