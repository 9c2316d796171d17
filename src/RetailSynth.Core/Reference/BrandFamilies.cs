using System.Text.RegularExpressions;

namespace RetailSynth.Reference;

/// <summary>
/// The brand families of data-model §3.4 and their reserved words (§5): a brand whose name holds one of a family's
/// words (whole word, case-insensitive) belongs to that family and no other, so no food-word brand labels a shampoo.
/// </summary>
internal static partial class BrandFamilies
{
    public static readonly IReadOnlyList<string> All =
    [
        "FOOD", "HOUSEHOLD", "HEALTH", "BEAUTY", "BABY", "TOYS", "PET", "ELECTRONICS", "CLOTHING", "HOME", "SEASONAL",
        "SPORTS", "OFFICE", "AUTOMOTIVE",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ReservedWords = new Dictionary<string, IReadOnlyList<string>>
    {
        ["FOOD"] =
        [
            "Acres", "Bakehouse", "Bakery", "Butcher", "Creamery", "Dairy", "Deli", "Farm", "Farms", "Farmstead", "Foods", "Grocers",
            "Harvest", "Hearth", "Homestead", "Kitchen", "Kitchens", "Larder", "Mills", "Orchard", "Orchards", "Pantry", "Provisions",
            "Smokehouse",
        ],
        ["HEALTH"] = ["Apothecary", "Clinical", "Health", "Medical", "Nutrition", "Pharma", "Remedies", "Remedy", "Rx", "Vitality", "Wellness"],
        ["PET"] = ["Kibble", "Paws", "Pet"],
        ["ELECTRONICS"] = ["Acoustics", "Audio", "Digital", "Electronics", "Sound", "Tech"],
        ["AUTOMOTIVE"] = ["Auto", "Autoworks", "Garage", "Motor", "Motorworks"],
    };

    /// <summary>The families whose reserved words occur in <paramref name="brand"/> as whole words, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> ReservedFamiliesOf(string brand)
    {
        var words = Words().Matches(brand).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return All.Where(f => ReservedWords.TryGetValue(f, out var reserved) && reserved.Any(words.Contains)).ToList();
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Words();
}
