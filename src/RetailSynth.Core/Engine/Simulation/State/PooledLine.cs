namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// A store reorder line allocated against its DC and waiting in its route's pool (sim_open_reorders with allocated and
/// pooled_ts set, §13.1): <see cref="Allocated"/> is what is reserved and not yet on a trip; a line split by a full
/// trip keeps its pooled_ts for the remainder.
/// </summary>
public sealed class PooledLine
{
    public required string ReorderId { get; init; }
    public required long StoreId { get; init; }
    public required long DcId { get; init; }
    public required string RouteId { get; init; }
    public required long ProductId { get; init; }

    /// <summary>Units the store requested.</summary>
    public required int Quantity { get; init; }
    public required string Priority { get; init; }
    public required DateTime ReviewedTs { get; init; }
    public required DateTime PooledTs { get; init; }
    public required int Allocated { get; set; }

    public PooledLine Copy() => (PooledLine)MemberwiseClone();
}
