namespace RetailSynth.Domain;

/// <summary>
/// Region <see cref="Index"/> of <see cref="Count"/>: one independently simulated shard of the dataset (scale-out §1–2).
/// Region 0 keeps every id and random stream of a one-region dataset, so <c>Regions = 1</c> is model v2 unchanged.
/// </summary>
public readonly record struct Region
{
    /// <summary>Region r offsets its surrogate keys and network sequences by r × 10⁸ (scale-out §2).</summary>
    public const long IdStride = 100_000_000;

    /// <summary>The most regions a dataset may have: beacon ids stay unique while customer ids stay below 36⁶ (scale-out §2).</summary>
    public const int MaxCount = 21;

    public Region(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The whole network of a one-region dataset.</summary>
    public static Region Whole { get; } = new(0, 1);

    public int Index { get; }
    public int Count { get; }

    /// <summary>Added to every local surrogate key and network sequence of this region; 0 for region 0.</summary>
    public long IdBase => Index * IdStride;

    /// <summary>True when the dataset has more than one region (one file per region, a catalog over them).</summary>
    public bool IsSharded => Count > 1;

    public override string ToString() => $"region {Index} of {Count}";
}
