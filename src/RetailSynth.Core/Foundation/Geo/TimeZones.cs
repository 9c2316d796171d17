using NodaTime;

namespace RetailSynth.Foundation.Geo;

/// <summary>One IANA zone per state (data-model §2.1), resolved against NodaTime's embedded TZDB, never host tzdata.</summary>
internal static class TimeZones
{
    private static readonly IReadOnlyDictionary<string, string> s_zoneByState = BuildMap();

    public static string ForState(string state) =>
        s_zoneByState.TryGetValue(state, out var zone)
            ? zone
            : throw new RetailSynthException($"State '{state}' is not a contiguous US state or DC; it has no time zone (data-model §2.1).");

    public static DateTimeZone Resolve(string zoneId) => DateTimeZoneProviders.Tzdb[zoneId];

    private static Dictionary<string, string> BuildMap()
    {
        var table = new Dictionary<string, string>
        {
            ["America/New_York"] = "CT DC DE FL GA KY MA MD ME NC NH NJ NY OH PA RI SC VA VT WV",
            ["America/Detroit"] = "MI",
            ["America/Indiana/Indianapolis"] = "IN",
            ["America/Chicago"] = "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI",
            ["America/Denver"] = "CO MT NM UT WY",
            ["America/Boise"] = "ID",
            ["America/Phoenix"] = "AZ",
            ["America/Los_Angeles"] = "CA NV OR WA",
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (zone, states) in table)
        {
            foreach (var state in states.Split(' '))
            {
                map[state] = zone;
            }
        }

        return map;
    }
}
