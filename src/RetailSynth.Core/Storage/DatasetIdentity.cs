using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using RetailSynth.Reference;

namespace RetailSynth.Storage;

/// <summary>
/// <c>dataset_id</c> and <c>config_fingerprint</c> (data-model §17): SHA-256 over the canonical JSON of
/// every simulation setting, the model version and the dictionaries' hash. Two databases share an id
/// exactly when they hold the same dataset.
/// </summary>
/// <remarks>
/// Canonical JSON follows RFC 8785 (keys in UTF-16 order, no whitespace) with one deliberate difference:
/// integers are written exactly, not through IEEE doubles, so seeds above 2^53 cannot collide.
/// </remarks>
public sealed record DatasetIdentity(string DatasetId, string ConfigFingerprint, string CanonicalJson)
{
    /// <summary>Raised whenever output for the same settings changes (rules, id formats, serialisation).</summary>
    public const int ModelVersion = 2;

    public static DatasetIdentity Compute(SimulationOptions options, ReferenceDictionaries dictionaries)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(SimulationOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is nameof(SimulationOptions.Profile) or nameof(SimulationOptions.MarketingCpm)
                || (property.Name is nameof(SimulationOptions.Regions) && options.Regions == 1))
            {
                continue;
            }

            settings[property.Name] = JsonValue(property.GetValue(options)!);
        }

        foreach (var (channel, range) in options.MarketingCpm)
        {
            settings[$"MarketingCpm:{channel}:Max"] = JsonValue(range.Max);
            settings[$"MarketingCpm:{channel}:Min"] = JsonValue(range.Min);
        }

        var json = new StringBuilder();
        json.Append("{\"dictionary_sha256\":\"").Append(dictionaries.Sha256).Append('"');
        json.Append(",\"model_version\":").Append(ModelVersion);
        json.Append(",\"settings\":{");
        json.AppendJoin(',', settings.Select(kv => $"\"{kv.Key}\":{kv.Value}"));
        json.Append("}}");

        var canonical = json.ToString();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new DatasetIdentity(fingerprint[..16], fingerprint, canonical);
    }

    private static string JsonValue(object value) => value switch
    {
        DateOnly date => $"\"{date:yyyy-MM-dd}\"",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => ShortestNumber(d),
        decimal m => ShortestNumber((double)m),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    /// <summary>ECMAScript Number formatting for the small decimals used here (0.85 → 0.85, 0.10 → 0.1, 2.00 → 2).</summary>
    private static string ShortestNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
