namespace RetailSynth.Randomness;

/// <summary>The component names of data-model §3.1; one stream owner each.</summary>
public static class RandomComponents
{
    public const string Geographies = "dims.geographies";
    public const string Stores = "dims.stores";
    public const string DistributionCenters = "dims.dcs";
    public const string Trucks = "dims.trucks";
    public const string Customers = "dims.customers";
    public const string Products = "dims.products";
}
