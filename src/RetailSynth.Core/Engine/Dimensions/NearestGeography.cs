namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// The dim_geographies row nearest to a point (haversine, ties by id), without measuring every row: rows are
/// scanned outward by latitude, and a row whose latitude alone puts it beyond the best distance so far ends the scan.
/// </summary>
internal sealed class NearestGeography
{
    // A degree of latitude is never shorter than this along the Earth's surface (haversine radius 3,958.8 mi): a safe lower bound.
    private const double MilesPerDegreeLatitude = 69.0;

    private readonly Geography[] _byLatitude;
    private readonly double[] _latitudes;

    public NearestGeography(IReadOnlyList<Geography> geographies)
    {
        _byLatitude = [.. geographies.OrderBy(g => g.Latitude).ThenBy(g => g.GeographyId)];
        _latitudes = _byLatitude.Select(g => g.Latitude).ToArray();
    }

    public long Of(double latitude, double longitude)
    {
        var start = Array.BinarySearch(_latitudes, latitude);
        start = start < 0 ? ~start : start;
        var best = (Id: long.MaxValue, Miles: double.MaxValue);

        void Consider(Geography g)
        {
            var miles = Haversine.Miles(latitude, longitude, g.Latitude, g.Longitude);
            if (miles < best.Miles || (miles == best.Miles && g.GeographyId < best.Id))
            {
                best = (g.GeographyId, miles);
            }
        }

        for (var i = start; i < _byLatitude.Length && (_latitudes[i] - latitude) * MilesPerDegreeLatitude <= best.Miles; i++)
        {
            Consider(_byLatitude[i]);
        }

        for (var i = start - 1; i >= 0 && (latitude - _latitudes[i]) * MilesPerDegreeLatitude <= best.Miles; i--)
        {
            Consider(_byLatitude[i]);
        }

        return best.Id;
    }
}
