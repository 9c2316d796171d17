
namespace RetailSynth.Engine.Events;

/// <summary>
/// How a fact table feeds outbox events (events.md §1): each row's event_ts, which rows feed one (all when
/// <see cref="Feeds"/> is null) and the encoder call that turns a row into its event.
/// </summary>
internal sealed record FactEventFeed<TFact>(Func<TFact, DateTime> EventTs, FactEventFeed<TFact>.Encoding Encode, Func<TFact, bool>? Feeds = null)
{
    public delegate EncodedEvent Encoding(EventEncoder encoder, TFact row, in EventSlot slot);
}
