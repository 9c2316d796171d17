using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_geographies (data-model §6.1): a weighted sample of the geography dictionary.</summary>
internal static class GeographySampler
{
    private static readonly string[] s_denseMarkers = ["METRO", "URBAN", "CITY"];

    public static List<Geography> Sample(ReferenceDictionaries dictionaries, int count, RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.Geographies);
        var indices = Enumerable.Range(0, dictionaries.Geographies.Count).ToArray();
        stream.PartialShuffle(indices, count);

        var rawWeights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var entry = dictionaries.Geographies[indices[i]];
            var weight = entry.Region == Regions.Midwest ? 1.0 : 1.5;
            if (s_denseMarkers.Any(m => entry.District.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                weight *= 2.0;
            }

            rawWeights[i] = weight * stream.Uniform(0.8, 1.2);
        }

        var total = rawWeights.Sum();
        var result = new List<Geography>(count);
        for (var i = 0; i < count; i++)
        {
            var e = dictionaries.Geographies[indices[i]];
            result.Add(new Geography(
                i + 1, e.City, e.State, e.ZipCode, e.District, e.Region.ToUpperInvariant(),
                e.Latitude, e.Longitude, TimeZones.ForState(e.State), rawWeights[i] / total));
        }

        return result;
    }

    /// <summary>Weight descending, ties by id.</summary>
    public static List<Geography> StrategicOrder(IEnumerable<Geography> geographies) =>
        geographies.OrderByDescending(g => g.PlacementWeight).ThenBy(g => g.GeographyId).ToList();
}
