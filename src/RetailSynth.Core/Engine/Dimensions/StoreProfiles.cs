
namespace RetailSynth.Engine.Dimensions;

/// <summary>The store profile draw of data-model §6.3, in the listed order, from the <c>dims.stores</c> stream.</summary>
internal static class StoreProfiles
{
    public sealed record OperatingHours(string Label, short OpenMinute, short CloseMinute);

    public sealed record Profile(
        string GeographyClass, string VolumeClass, double DailyTrafficMultiplier, string StoreFormat, string HoursClass, OperatingHours Hours);

    public static Profile Draw(RandomStream stream, string region)
    {
        var dense = region is Regions.Northeast or Regions.West;
        var geographyClass = Choose(stream, GeographyClasses.All, dense ? [0.5, 0.4, 0.1] : [0.2, 0.6, 0.2]);
        var urban = geographyClass == GeographyClasses.Urban;

        var volumeClass = Choose(stream, VolumeClasses.All, urban ? [0.10, 0.25, 0.45, 0.15, 0.05] : [0.02, 0.10, 0.53, 0.30, 0.05]);
        var multiplier = Math.Round(volumeClass switch
        {
            VolumeClasses.Flagship => stream.Uniform(2.5, 3.0),
            VolumeClasses.HighVolume => stream.Uniform(1.8, 2.4),
            VolumeClasses.MediumVolume => stream.Uniform(0.8, 1.2),
            VolumeClasses.LowVolume => stream.Uniform(0.4, 0.7),
            _ => stream.Uniform(0.25, 0.35),
        }, 3, MidpointRounding.AwayFromZero);

        var format = volumeClass switch
        {
            VolumeClasses.Flagship when urban => Choose(stream, [StoreFormats.Superstore, StoreFormats.Hypermarket, StoreFormats.Standard], [0.6, 0.3, 0.1]),
            VolumeClasses.Flagship => Choose(stream, [StoreFormats.Hypermarket, StoreFormats.Superstore], [0.7, 0.3]),
            VolumeClasses.HighVolume => Choose(stream, [StoreFormats.Superstore, StoreFormats.Standard, StoreFormats.Hypermarket], [0.6, 0.3, 0.1]),
            VolumeClasses.MediumVolume => Choose(stream, [StoreFormats.Standard, StoreFormats.Superstore, StoreFormats.Neighborhood], [0.6, 0.2, 0.2]),
            VolumeClasses.LowVolume => Choose(stream, [StoreFormats.Neighborhood, StoreFormats.Standard, StoreFormats.Express], [0.5, 0.3, 0.2]),
            _ => Choose(stream, [StoreFormats.Express, StoreFormats.Neighborhood], [0.8, 0.2]),
        };

        var hoursClass = format switch
        {
            StoreFormats.Express when urban => Choose(stream, [HoursClasses.H24, HoursClasses.Extended], [0.3, 0.7]),
            StoreFormats.Express => Choose(stream, [HoursClasses.Extended, HoursClasses.Standard, HoursClasses.Limited], [0.4, 0.4, 0.2]),
            StoreFormats.Hypermarket or StoreFormats.Superstore when urban => Choose(stream, [HoursClasses.Extended, HoursClasses.Standard], [0.6, 0.4]),
            StoreFormats.Hypermarket or StoreFormats.Superstore => Choose(stream, [HoursClasses.Extended, HoursClasses.Standard, HoursClasses.Limited], [0.3, 0.5, 0.2]),
            _ => Choose(stream, [HoursClasses.Standard, HoursClasses.Extended, HoursClasses.Limited], [0.6, 0.2, 0.2]),
        };

        return new Profile(geographyClass, volumeClass, multiplier, format, hoursClass, HoursFor(hoursClass));
    }

    public static OperatingHours HoursFor(string hoursClass) => hoursClass switch
    {
        HoursClasses.H24 => new("24/7", 0, 1440),
        HoursClasses.Extended => new("6am-midnight", 360, 1440),
        HoursClasses.Standard => new("8am-10pm", 480, 1320),
        HoursClasses.Limited => new("9am-9pm", 540, 1260),
        _ => throw new ArgumentOutOfRangeException(nameof(hoursClass), hoursClass, null),
    };

    private static string Choose(RandomStream stream, IReadOnlyList<string> values, ReadOnlySpan<double> weights) =>
        values[stream.Categorical(weights)];
}
