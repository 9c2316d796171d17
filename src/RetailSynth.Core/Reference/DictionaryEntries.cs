namespace RetailSynth.Reference;

public sealed record GeographyEntry(
    string City, string State, string ZipCode, string District, string Region, double Latitude, double Longitude)
{
    /// <summary>The district names a dense area: it contains METRO, URBAN or CITY (data-model §6.1), case-insensitive.</summary>
    public bool IsDense { get; } =
        District.Contains("METRO", StringComparison.OrdinalIgnoreCase)
        || District.Contains("URBAN", StringComparison.OrdinalIgnoreCase)
        || District.Contains("CITY", StringComparison.OrdinalIgnoreCase);

    /// <summary>w₀ = 1.0 × 1.5 outside the MIDWEST × 2.0 in a dense district (data-model §6.1).</summary>
    public double BaseWeight => (Region == Regions.Midwest ? 1.0 : 1.5) * (IsDense ? 2.0 : 1.0);
}

/// <summary>A combined sales-tax rate in units of 10⁻⁵ (0.08250 → 8250); a null city is the state's typical rate.</summary>
public sealed record TaxRateEntry(string State, string? City, long RateE5);

/// <summary>A category; <paramref name="BrandCategory"/> is the brand family its products use, <paramref name="LineWeight"/> its relative share of its department's lines (data-model §5).</summary>
public sealed record CategoryEntry(
    string Category, string Department, string MerchGroup, bool Refrigerated, string Taxability, string BrandCategory, double LineWeight);

public sealed record BaseProductEntry(string ProductName, long BasePriceCents, string Category, string Subcategory, string? Tags, string SeasonProfile);

public sealed record BrandEntry(string Brand, string Company, string BrandCategory);
