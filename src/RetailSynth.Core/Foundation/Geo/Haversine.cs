
namespace RetailSynth.Foundation.Geo;

/// <summary>Great-circle distance in miles. Transcendental, so computed once at dimension time (data-model §3.1).</summary>
internal static class Haversine
{
    private const double EarthRadiusMiles = 3958.8;

    public static double Miles(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = DegreesToRadians(lat2 - lat1);
        var dLon = DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(DegreesToRadians(lat1)) * Math.Cos(DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    public static double Miles(Geography a, Geography b) => Miles(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
