using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// dim_geographies (data-model §6.1): the DC hubs first, then a weighted sample, without replacement, of the
/// dictionary rows within 250 mi of a hub. In region r of several (scale-out §1), rows within 250 mi of a hub of an
/// earlier region are not candidates: they belong to that region, so regions hold disjoint geographies.
/// </summary>
internal static class GeographySampler
{
    public static double Miles(GeographyEntry a, GeographyEntry b) => Haversine.Miles(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>
    /// The hubs (dictionary indexes in dc_id order) become geographies 1…D; then up to <c>count − D</c> sampled rows, all
    /// the candidates when fewer. <paramref name="earlierRegionsHubs"/> (none with one region) take their clusters away.
    /// </summary>
    public static List<Geography> Sample(
        ReferenceDictionaries dictionaries, IReadOnlyList<int> hubs, int count, RandomHierarchy random, IReadOnlyList<int>? earlierRegionsHubs = null)
    {
        earlierRegionsHubs ??= [];
        var entries = dictionaries.Geographies;
        var stream = random.Stream(RandomComponents.Geographies);
        var hubSet = hubs.ToHashSet();

        // Candidates in dictionary order; one U(0.8, 1.2) each, drawn before sampling.
        var candidates = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!hubSet.Contains(i)
                && hubs.Any(h => Miles(entries[h], entries[i]) <= ReferenceDictionaries.ClusterRadiusMiles)
                && !earlierRegionsHubs.Any(h => Miles(entries[h], entries[i]) <= ReferenceDictionaries.ClusterRadiusMiles))
            {
                candidates.Add(i);
            }
        }

        var weights = candidates.Select(i => entries[i].BaseWeight * stream.Uniform(0.8, 1.2)).ToList();

        var sample = hubs.Select(h => (Index: h, Weight: entries[h].BaseWeight)).ToList();
        var wanted = Math.Min(Math.Max(0, count - hubs.Count), candidates.Count);
        var remaining = Enumerable.Range(0, candidates.Count).ToList();
        var remainingWeights = new double[candidates.Count];
        for (var k = 0; k < wanted; k++)
        {
            // Successive categorical draws over the rows not yet taken, in dictionary order.
            for (var r = 0; r < remaining.Count; r++)
            {
                remainingWeights[r] = weights[remaining[r]];
            }

            var pick = stream.Categorical(remainingWeights.AsSpan(0, remaining.Count));
            sample.Add((candidates[remaining[pick]], weights[remaining[pick]]));
            remaining.RemoveAt(pick);
        }

        var total = 0.0;
        foreach (var (_, weight) in sample)
        {
            total += weight;
        }

        return sample.Select((s, i) =>
        {
            var e = entries[s.Index];
            return new Geography(
                i + 1, e.City, e.State, e.ZipCode, e.District, e.Region.ToUpperInvariant(),
                e.Latitude, e.Longitude, TimeZones.ForState(e.State), s.Weight / total);
        }).ToList();
    }

    /// <summary>The dc_id whose hub (geography dc_id) is nearest to each geography (haversine, ties by dc_id), by geography index.</summary>
    public static long[] NearestHub(IReadOnlyList<Geography> geographies, int hubCount)
    {
        var result = new long[geographies.Count];
        for (var g = 0; g < geographies.Count; g++)
        {
            var best = double.MaxValue;
            for (var h = 0; h < hubCount; h++)
            {
                var miles = Haversine.Miles(geographies[g], geographies[h]);
                if (miles < best)
                {
                    best = miles;
                    result[g] = h + 1;
                }
            }
        }

        return result;
    }
}
