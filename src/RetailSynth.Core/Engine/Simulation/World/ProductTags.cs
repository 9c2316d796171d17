namespace RetailSynth.Engine.Simulation.World;

/// <summary>Holiday-affinity tags of data-model §5, as flags for the basket overlay.</summary>
[Flags]
public enum ProductTags
{
    None = 0,
    Thanksgiving = 1,
    Baking = 2,
    Grilling = 4,
    Gift = 8,
    HolidayFood = 16,
}

internal static class ProductTagSet
{
    public static ProductTags Parse(string? tags)
    {
        var result = ProductTags.None;
        foreach (var tag in (tags ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            result |= tag switch
            {
                "THANKSGIVING" => ProductTags.Thanksgiving,
                "BAKING" => ProductTags.Baking,
                "GRILLING" => ProductTags.Grilling,
                "GIFT" => ProductTags.Gift,
                "HOLIDAY_FOOD" => ProductTags.HolidayFood,
                _ => throw new InvalidOperationException($"Unknown product tag '{tag}'."),
            };
        }

        return result;
    }
}
