namespace RetailSynth.Engine.Events;

/// <summary>
/// What one event type is (events.md §1, §4, §6): a sentence for people, the fact rows that feed it, its partition key
/// and its payload keys in wire order.
/// </summary>
/// <param name="Description">One sentence: what happened when this event is sent.</param>
/// <param name="SourceTables">The fact table(s) whose rows feed it, with the feeding status where only some rows do.</param>
/// <param name="PartitionKeys">
/// The envelope's <c>partition_key</c> as patterns over payload keys (<c>store_{store_id}</c>); with two, an event
/// takes one of them (a store or a DC, a receipt or an order). A key the payload lacks (the <c>store_id</c> of a
/// receipt_line_added) is its parent receipt's.
/// </param>
/// <param name="Payload">The payload keys in wire order.</param>
public sealed record EventDefinition(string Description, string SourceTables, IReadOnlyList<string> PartitionKeys, IReadOnlyList<EventField> Payload)
{
    /// <summary>The partition key patterns in words: <c>store_{store_id} or dc_{dc_id}</c>.</summary>
    public string PartitionKey => string.Join(" or ", PartitionKeys);
}
