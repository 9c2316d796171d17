using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace RetailSynth.Reference;

/// <summary>
/// The embedded, synthetic reference data of data-model §5. Loaded once per process; immutable.
/// <see cref="Sha256"/> covers every file (name and bytes, ordinal name order) and feeds <c>dataset_id</c>.
/// </summary>
public sealed class ReferenceDictionaries
{
    /// <summary>A geography row's cluster: the dictionary rows within this many miles (haversine, data-model §6.1).</summary>
    public const double ClusterRadiusMiles = 250;

    private const string ResourcePrefix = "Dictionaries/";

    private ReferenceDictionaries(IReadOnlyDictionary<string, byte[]> files)
    {
        Geographies = Rows(files, "geographies.csv", f => new GeographyEntry(
            f[0], f[1], f[2], f[3], f[4], ParseDouble(f[5]), ParseDouble(f[6])));
        TaxRates = Rows(files, "tax_rates.csv", f => new TaxRateEntry(
            f[0], f[1].Length == 0 ? null : f[1], ParseScaled(f[2], 100_000)));
        Categories = Rows(files, "categories.csv", f => new CategoryEntry(
            f[0], f[1], f[2], bool.Parse(f[3]), f[4], f[5], ParseDouble(f[6])));
        BaseProducts = Rows(files, "base_products.csv", f => new BaseProductEntry(
            f[0], ParseScaled(f[1], 100), f[2], f[3], f[4].Length > 0 ? f[4] : null, f[5]));
        Brands = Rows(files, "brands.csv", f => new BrandEntry(f[0], f[1], f[2]));
        FirstNames = Rows(files, "first_names.csv", f => f[0]);
        LastNames = Rows(files, "last_names.csv", f => f[0]);
        StreetNames = Rows(files, "street_names.csv", f => f[0]);
        StreetTypes = Rows(files, "street_types.csv", f => f[0]);
        Sha256 = HashFiles(files);
        CategoriesByName = Categories.ToDictionary(c => c.Category, StringComparer.Ordinal);
        HubEligible = FindHubEligible(Geographies);
    }

    public IReadOnlyList<GeographyEntry> Geographies { get; }
    public IReadOnlyList<TaxRateEntry> TaxRates { get; }
    public IReadOnlyList<CategoryEntry> Categories { get; }
    public IReadOnlyDictionary<string, CategoryEntry> CategoriesByName { get; }
    public IReadOnlyList<BaseProductEntry> BaseProducts { get; }
    public IReadOnlyList<BrandEntry> Brands { get; }
    public IReadOnlyList<string> FirstNames { get; }
    public IReadOnlyList<string> LastNames { get; }
    public IReadOnlyList<string> StreetNames { get; }
    public IReadOnlyList<string> StreetTypes { get; }

    /// <summary>
    /// Indexes of the hub-eligible geography rows, in dictionary order (data-model §6.2): a dense district whose
    /// cluster (the rows within 250 mi) holds ≥ 15 rows in ≥ 3 states.
    /// </summary>
    public IReadOnlyList<int> HubEligible { get; }

    /// <summary>Lower-case hex SHA-256 of the dictionaries, as used in <c>dataset_id</c> (data-model §17).</summary>
    public string Sha256 { get; }

    public DictionaryLimits Limits => new(Geographies.Count, CountProductPairs(), HubEligible.Count);

    public static ReferenceDictionaries LoadEmbedded()
    {
        var assembly = typeof(ReferenceDictionaries).Assembly;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name[ResourcePrefix.Length..]] = buffer.ToArray();
        }

        return new ReferenceDictionaries(files);
    }

    private static List<T> Rows<T>(IReadOnlyDictionary<string, byte[]> files, string name, Func<string[], T> parse)
    {
        if (!files.TryGetValue(name, out var bytes))
        {
            throw new InvalidOperationException($"Embedded dictionary '{name}' is missing from the build.");
        }

        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<T>(lines.Length);
        for (var i = 1; i < lines.Length; i++) // line 0 is the header
        {
            try
            {
                rows.Add(parse(lines[i].TrimEnd('\r').Split(',')));
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException)
            {
                throw new InvalidOperationException($"Embedded dictionary '{name}' line {i + 1} is malformed: {lines[i]}", ex);
            }
        }

        return rows;
    }

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a fixed-point decimal exactly into an integer of the given scale (no binary floating point).</summary>
    private static long ParseScaled(string text, int scale) =>
        (long)(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) * scale);

    private static string HashFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static List<int> FindHubEligible(IReadOnlyList<GeographyEntry> rows)
    {
        var eligible = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsDense)
            {
                continue;
            }

            var members = 0;
            var states = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in rows)
            {
                if (Haversine.Miles(rows[i].Latitude, rows[i].Longitude, other.Latitude, other.Longitude) <= ClusterRadiusMiles)
                {
                    members++;
                    states.Add(other.State);
                }
            }

            if (members >= 15 && states.Count >= 3)
            {
                eligible.Add(i);
            }
        }

        return eligible;
    }

    /// <summary>How many (base product, brand) pairs dim_products draws from (data-model §6.6).</summary>
    private long CountProductPairs()
    {
        var brandsPerCategory = Brands.GroupBy(b => b.BrandCategory).ToDictionary(g => g.Key, g => (long)g.Count());
        return BaseProducts.Sum(p => brandsPerCategory.GetValueOrDefault(CategoriesByName[p.Category].BrandCategory));
    }
}
