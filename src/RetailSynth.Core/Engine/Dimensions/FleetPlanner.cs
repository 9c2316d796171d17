using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Geo;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_trucks (data-model §6.4) sized by expected truck-hours per DC (§13.2).</summary>
internal static class FleetPlanner
{
    public const long PlateSpace = 26L * 26 * 26 * 10_000;

    /// <summary>Expected truck cycle of a store in hours: handling plus travel out and back (§13.2).</summary>
    public static double CycleHours(double milesToDc) =>
        2.5 + (2 * 1.05 * Math.Clamp(0.5 + (1.2 * milesToDc / 45), 1, 12));

    public static (List<Truck> Trucks, FleetUtilisation Utilisation) Plan(
        SimulationOptions options,
        IReadOnlyList<DistributionCenter> dcs,
        IReadOnlyList<Store> stores,
        IReadOnlyDictionary<long, Geography> geographyById,
        long licensePlateOffset)
    {
        var dcById = dcs.ToDictionary(dc => dc.DcId);
        var truckHours = new double[dcs.Count];
        foreach (var store in stores)
        {
            var dc = dcById[store.NearestDcId];
            var miles = Haversine.Miles(geographyById[store.GeographyId], geographyById[dc.GeographyId]);
            truckHours[dc.DcId - 1] += CycleHours(miles);
        }

        var assignedRefrigerated = (int)Math.Floor((options.RefrigeratedTrucks * options.TruckDcAssignmentRate) + 1e-9);
        var assignedDry = (int)Math.Floor((options.DryTrucks * options.TruckDcAssignmentRate) + 1e-9);
        var refrigeratedPerDc = LargestRemainder.Distribute(assignedRefrigerated, truckHours);
        var dryPerDc = LargestRemainder.Distribute(assignedDry, truckHours);

        var offset = licensePlateOffset;
        var trucks = new List<Truck>();
        void Add(bool refrigerated, string fleetType, long? dcId) =>
            trucks.Add(new Truck(trucks.Count + 1, LicensePlate(trucks.Count + 1, offset), refrigerated, fleetType, dcId, options.TruckCapacityUnits));

        foreach (var (refrigerated, perDc) in new[] { (true, refrigeratedPerDc), (false, dryPerDc) })
        {
            for (var i = 0; i < dcs.Count; i++)
            {
                for (var k = 0; k < perDc[i]; k++)
                {
                    Add(refrigerated, FleetTypes.DcAssigned, dcs[i].DcId);
                }
            }
        }

        AddMany(options.RefrigeratedTrucks - assignedRefrigerated, () => Add(true, FleetTypes.Pool, null));
        AddMany(options.DryTrucks - assignedDry, () => Add(false, FleetTypes.Pool, null));
        AddMany(options.SupplierRefrigeratedTrucks, () => Add(true, FleetTypes.Supplier, null));
        AddMany(options.SupplierDryTrucks, () => Add(false, FleetTypes.Supplier, null));

        var total = truckHours.Sum();
        var poolRefrigerated = options.RefrigeratedTrucks - assignedRefrigerated;
        var poolDry = options.DryTrucks - assignedDry;
        double PerDc(double hours, int assigned, int pool) =>
            hours == 0 ? 0 : hours / (24.0 * (assigned + (pool * hours / total)));
        var dcUtilisation = dcs.Select((dc, i) => new DcUtilisation(
            dc.DcId, truckHours[i], PerDc(truckHours[i], refrigeratedPerDc[i], poolRefrigerated), PerDc(truckHours[i], dryPerDc[i], poolDry))).ToList();
        var utilisation = new FleetUtilisation(
            total,
            total / (24.0 * options.RefrigeratedTrucks),
            total / (24.0 * options.DryTrucks),
            (int)Math.Ceiling(total / (24.0 * FleetUtilisation.WarningThreshold)),
            dcUtilisation);
        return (trucks, utilisation);
    }

    /// <summary>3 letters + 4 digits of n = (id × 7919 + offset) mod 26³·10⁴: a bijection, hence unique.</summary>
    public static string LicensePlate(long truckId, long offset)
    {
        var n = ((truckId * 7919) + offset) % PlateSpace;
        var letters = n / 10_000;
        Span<char> plate = stackalloc char[7];
        plate[0] = (char)('A' + (letters / 676));
        plate[1] = (char)('A' + (letters / 26 % 26));
        plate[2] = (char)('A' + (letters % 26));
        (n % 10_000).TryFormat(plate[3..], out _, "0000");
        return new string(plate);
    }

    private static void AddMany(int count, Action add)
    {
        for (var i = 0; i < count; i++)
        {
            add();
        }
    }
}
