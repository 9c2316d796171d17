using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>Synthetic street addresses (data-model §6.2, §6.3, §6.5).</summary>
internal static class Addresses
{
    private static readonly string[] s_industrialSuffixes = ["Industrial Pkwy", "Commerce Dr", "Logistics Way", "Distribution Blvd"];
    private static readonly string[] s_directions = ["N", "S", "E", "W", "NE", "NW", "SE", "SW"];

    public static string Industrial(RandomStream stream, ReferenceDictionaries d) =>
        $"{stream.UniformInt(1, 999)} {Pick(stream, d.StreetNames)} {s_industrialSuffixes[stream.UniformInt(0, s_industrialSuffixes.Length - 1)]}";

    public static string Commercial(RandomStream stream, ReferenceDictionaries d) =>
        $"{stream.UniformInt(1000, 99999)} {Pick(stream, d.StreetNames)} {Pick(stream, d.StreetTypes)}";

    public static string Residential(RandomStream stream, ReferenceDictionaries d)
    {
        var number = stream.UniformInt(100, 9999);
        var direction = stream.Bernoulli(0.3) ? s_directions[stream.UniformInt(0, s_directions.Length - 1)] + " " : string.Empty;
        var street = Pick(stream, d.StreetNames);
        if (stream.Bernoulli(0.3))
        {
            street = $"{street} {Pick(stream, d.StreetNames)}";
        }

        return $"{number} {direction}{street} {Pick(stream, d.StreetTypes)}";
    }

    public static T Pick<T>(RandomStream stream, IReadOnlyList<T> items) => items[stream.UniformInt(0, items.Count - 1)];
}
