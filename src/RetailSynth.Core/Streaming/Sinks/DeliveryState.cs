namespace RetailSynth.Streaming.Sinks;

public enum DeliveryState
{
    /// <summary>Not confirmed: goes back to pending and is retried (never dead-lettered).</summary>
    NotDelivered,

    Delivered,

    /// <summary>The sink permanently refuses this event itself (too large, invalid): it is dead-lettered at once.</summary>
    Rejected,
}
