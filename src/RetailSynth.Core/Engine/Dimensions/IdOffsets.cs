namespace RetailSynth.Engine.Dimensions;

/// <summary>The id offsets of <c>dims.offsets</c> (data-model §3.1), drawn in this order: o₁, o₂ (§6.5), then the license plate's (§6.4).</summary>
internal sealed record IdOffsets(long Ble, long Ad, long LicensePlate)
{
    public static IdOffsets Draw(RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.Offsets);
        var ble = stream.UniformInt(0, (36L * 36 * 36 * 36 * 36 * 36) - 1);
        var ad = stream.UniformInt(0, (36L * 36 * 36 * 36 * 36 * 36 * 36 * 36) - 1);
        var plate = stream.UniformInt(0, FleetPlanner.PlateSpace - 1);
        return new IdOffsets(ble, ad, plate);
    }
}
