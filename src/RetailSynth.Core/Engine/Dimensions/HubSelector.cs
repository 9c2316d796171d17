using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// The DC hubs of data-model §6.2 (<c>dims.dcs</c>): weighted keys u^(1/w₀) over the hub-eligible rows, taken in
/// descending key while ≥ 400 mi from every hub so far; later passes relax the separation to 300, 200, 100 and 0 mi.
/// </summary>
internal static class HubSelector
{
    /// <summary>Hubs of a dataset of several regions are this far apart: its pass never relaxes (scale-out §1).</summary>
    public const double RegionSeparationMiles = 400;

    private static readonly double[] s_separationsMiles = [RegionSeparationMiles, 300, 200, 100, 0];

    /// <summary>Dictionary indexes of the hubs, in dc_id order. The stream continues with the DC addresses.</summary>
    public static List<int> Select(ReferenceDictionaries dictionaries, int count, RandomStream stream)
    {
        var hubs = Take(dictionaries, Rank(dictionaries, stream), count, s_separationsMiles);
        if (hubs.Count < count)
        {
            throw new InvalidOperationException(
                $"Only {hubs.Count} geography rows are hub-eligible, fewer than the {count} distribution centers requested.");
        }

        return hubs;
    }

    /// <summary>
    /// The one pass of a dataset of several regions (scale-out §1): the same keys, at 400 mi only, until
    /// <paramref name="count"/> hubs exist; fewer when the dictionary cannot place that many. A greedy pass in one order,
    /// so its first k hubs are the same whatever the count asked: region r's hubs do not depend on how many regions follow.
    /// </summary>
    public static List<int> SelectSeparated(ReferenceDictionaries dictionaries, int count, RandomStream stream) =>
        Take(dictionaries, Rank(dictionaries, stream), count, [RegionSeparationMiles]);

    /// <summary>Hub-eligible rows in descending key u^(1/w₀), ties by dictionary order; one u each, in dictionary order.</summary>
    private static List<int> Rank(ReferenceDictionaries dictionaries, RandomStream stream)
    {
        var entries = dictionaries.Geographies;
        var keyed = dictionaries.HubEligible
            .Select((index, order) => (Index: index, Order: order, Key: Math.Pow(stream.NextDouble(), 1.0 / entries[index].BaseWeight)))
            .ToList();
        return keyed.OrderByDescending(k => k.Key).ThenBy(k => k.Order).Select(k => k.Index).ToList();
    }

    private static List<int> Take(ReferenceDictionaries dictionaries, List<int> ranked, int count, double[] separationsMiles)
    {
        var entries = dictionaries.Geographies;
        var hubs = new List<int>(count);
        foreach (var separation in separationsMiles)
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

        return hubs;
    }
}
