using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// The DC hubs of data-model §6.2 (<c>dims.dcs</c>): weighted keys u^(1/w₀) over the hub-eligible rows, taken in
/// descending key while ≥ 400 mi from every hub so far; later passes relax the separation to 300, 200, 100 and 0 mi.
/// </summary>
internal static class HubSelector
{
    private static readonly double[] s_separationsMiles = [400, 300, 200, 100, 0];

    /// <summary>Dictionary indexes of the hubs, in dc_id order. The stream continues with the DC addresses.</summary>
    public static List<int> Select(ReferenceDictionaries dictionaries, int count, RandomStream stream)
    {
        var entries = dictionaries.Geographies;
        var keyed = dictionaries.HubEligible
            .Select((index, order) => (Index: index, Order: order, Key: Math.Pow(stream.NextDouble(), 1.0 / entries[index].BaseWeight)))
            .ToList();
        var ranked = keyed.OrderByDescending(k => k.Key).ThenBy(k => k.Order).Select(k => k.Index).ToList();

        var hubs = new List<int>(count);
        foreach (var separation in s_separationsMiles)
        {
            foreach (var candidate in ranked)
            {
                if (hubs.Count == count)
                {
                    return hubs;
                }

                if (!hubs.Contains(candidate)
                    && hubs.All(h => GeographySampler.Miles(entries[h], entries[candidate]) >= separation))
                {
                    hubs.Add(candidate);
                }
            }
        }

        if (hubs.Count < count)
        {
            throw new InvalidOperationException(
                $"Only {hubs.Count} geography rows are hub-eligible, fewer than the {count} distribution centers requested.");
        }

        return hubs;
    }
}
