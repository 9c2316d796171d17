namespace RetailSynth.Domain.Facts;

/// <summary>The store or DC that fulfils an online order (node_type <c>STORE</c> or <c>DC</c>, node_id).</summary>
public readonly record struct FulfillmentNode(string NodeType, long NodeId);
