
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

    /// <summary>Road miles (data-model §6): 1.2 × haversine for average road circuity, rounded to 0.1 mi.</summary>
    public static double RoadMiles(double lat1, double lon1, double lat2, double lon2) =>
        Math.Round(1.2 * Miles(lat1, lon1, lat2, lon2), 1, MidpointRounding.AwayFromZero);

    /// <summary>A point moved r miles at bearing θ (§6.3): flat-earth offset, 5 decimals.</summary>
    public static (double Latitude, double Longitude) Offset(double latitude, double longitude, double miles, double theta) =>
        (Math.Round(latitude + (miles / 69.0 * Math.Cos(theta)), 5, MidpointRounding.AwayFromZero),
         Math.Round(longitude + (miles * Math.Sin(theta) / (69.0 * Math.Cos(DegreesToRadians(latitude)))), 5, MidpointRounding.AwayFromZero));

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
