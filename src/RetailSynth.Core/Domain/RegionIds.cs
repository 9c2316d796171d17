namespace RetailSynth.Domain;

/// <summary>
/// Surrogate keys and array indexes of one region (scale-out §2): region r's stores, DCs, customers, trucks and
/// geographies are r × 10⁸ + 1…N, held in arrays at 0…N − 1. The one place that arithmetic lives; products keep their
/// ids in every region and are indexed by product_id − 1.
/// </summary>
internal static class RegionIds
{
    /// <summary>The array index of one of this region's surrogate keys: id − r × 10⁸ − 1.</summary>
    public static int IndexOf(this Region region, long id) => checked((int)(id - region.IdBase - 1));

    /// <summary>The surrogate key at an array index: r × 10⁸ + index + 1.</summary>
    public static long IdAt(this Region region, int index) => region.IdBase + index + 1;

    /// <summary>A network sequence (seq ≥ 1) as the ONL, TRP, SHP, IMP and JRN ids write it: r × 10⁸ + seq.</summary>
    public static long Sequence(this Region region, long seq) => region.IdBase + seq;
}
