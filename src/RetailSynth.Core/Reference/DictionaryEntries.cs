namespace RetailSynth.Reference;

public sealed record GeographyEntry(
    string City, string State, string ZipCode, string District, string Region, double Latitude, double Longitude);

/// <summary>A combined sales-tax rate in units of 10⁻⁵ (0.08250 → 8250); a null city is the state's typical rate.</summary>
public sealed record TaxRateEntry(string State, string? City, long RateE5);

public sealed record CategoryEntry(string Category, string Department, string MerchGroup, bool Refrigerated, string Taxability);

public sealed record BaseProductEntry(string ProductName, long BasePriceCents, string Category, string Subcategory, string? Tags);

public sealed record BrandEntry(string Brand, string Company, string BrandCategory);
