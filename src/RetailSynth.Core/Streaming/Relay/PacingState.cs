namespace RetailSynth.Streaming.Relay;

/// <summary>live, catching_up or waiting (streaming.md §5), or paused by the operator (POST /api/stream/pause).</summary>
public enum PacingState
{
    Live,
    CatchingUp,
    Waiting,
    Paused,
}
