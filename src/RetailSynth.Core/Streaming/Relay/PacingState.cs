namespace RetailSynth.Streaming.Relay;

/// <summary>live, catching_up or waiting (streaming.md §5).</summary>
public enum PacingState
{
    Live,
    CatchingUp,
    Waiting,
}
