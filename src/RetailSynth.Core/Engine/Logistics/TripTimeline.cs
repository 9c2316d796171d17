namespace RetailSynth.Engine.Logistics;

/// <summary>
/// The timeline of one trip (data-model §13.3) under the hours-of-service clock: loading at the DC, then per visited
/// stop the drive, the dock wait and the unload, then the drive back. The same rule plans the fleet (§6.4), bounds the
/// routes (§13.1), draws the actual trip and gives its planned eta/etd, with different factors.
/// </summary>
internal static class TripTimeline
{
    public const double SpeedMph = 50;
    public const double LegOverheadHours = 0.25;
    public const long LoadingDelaySeconds = 30 * 60;

    /// <summary>The driving time of a leg at trip factor f, in whole seconds.</summary>
    public static long LegSeconds(double roadMiles, double tripFactor) =>
        Rounding.ToLong((LegOverheadHours + (roadMiles / SpeedMph)) * tripFactor * 3600);

    /// <summary>The unload estimate of a shipment: 0.5 + 1.5 × min(1, units / capacity) h, in seconds.</summary>
    public static long UnloadEstimateSeconds(int units, int capacity) =>
        Rounding.ToLong((0.5 + (1.5 * Math.Min(1.0, units / (double)capacity))) * 3600);

    /// <summary>LOADING to IN_TRANSIT: (0.5 + 1.0 × trip units / capacity) h.</summary>
    public static long LoadingSeconds(int tripUnits, int capacity) =>
        Rounding.ToLong((0.5 + (tripUnits / (double)capacity)) * 3600);

    public static TripSchedule Compute(DateTime scheduledTs, TripPlanInput input)
    {
        var stops = input.Stops.Count;
        HoursOfServiceClock clock;
        DateTime loading;
        if (input.DeadheadMiles is { } deadhead)
        {
            clock = new HoursOfServiceClock(scheduledTs);
            clock.Drive(LegSeconds(deadhead, input.TripFactor));
            loading = clock.Work(LoadingDelaySeconds);
        }
        else
        {
            loading = scheduledTs.AddSeconds(LoadingDelaySeconds);
            clock = new HoursOfServiceClock(loading);
        }

        var tripUnits = 0;
        foreach (var stop in input.Stops)
        {
            tripUnits += stop.Units;
        }

        var inTransit = clock.Work(LoadingSeconds(tripUnits, input.Capacity));
        var arrived = new DateTime[stops];
        var unloading = new DateTime[stops];
        var completed = new DateTime[stops];
        for (var k = 0; k < stops; k++)
        {
            var stop = input.Stops[k];
            arrived[k] = clock.Drive(LegSeconds(stop.LegMiles, input.TripFactor));
            unloading[k] = clock.Work(input.DockWaitSeconds[k]);
            var unload = Rounding.ToLong(UnloadEstimateSeconds(stop.Units, input.Capacity) * input.UnloadFactors[k]);
            completed[k] = clock.Work(unload);
        }

        var truckFree = clock.Drive(LegSeconds(input.ReturnMiles, input.TripFactor));
        return new TripSchedule(scheduledTs, loading, inTransit, arrived, unloading, completed, truckFree);
    }

    /// <summary>The same timeline at trip factor f, dock wait w and unload factor u at every stop.</summary>
    public static TripSchedule Compute(
        DateTime scheduledTs, IReadOnlyList<TripStop> stops, double returnMiles, int capacity, double tripFactor, long dockWaitSeconds,
        double unloadFactor, double? deadheadMiles = null) =>
        Compute(scheduledTs, new TripPlanInput(
            stops, returnMiles, capacity, tripFactor, [.. Enumerable.Repeat(dockWaitSeconds, stops.Count)],
            [.. Enumerable.Repeat(unloadFactor, stops.Count)], deadheadMiles));
}

/// <summary>One visited stop: the leg from the previous visited stop (stop 1: from the DC) and the units it receives.</summary>
internal sealed record TripStop(double LegMiles, int Units);

/// <summary>What a trip's timeline depends on; <paramref name="DeadheadMiles"/> only for a POOL truck coming from another DC.</summary>
internal sealed record TripPlanInput(
    IReadOnlyList<TripStop> Stops, double ReturnMiles, int Capacity, double TripFactor, IReadOnlyList<long> DockWaitSeconds,
    IReadOnlyList<double> UnloadFactors, double? DeadheadMiles);

/// <summary>Every instant of a trip, per stop in stop order, and when the truck is free at its DC again.</summary>
internal sealed record TripSchedule(
    DateTime ScheduledTs, DateTime LoadingTs, DateTime InTransitTs, IReadOnlyList<DateTime> ArrivedTs, IReadOnlyList<DateTime> UnloadingTs,
    IReadOnlyList<DateTime> CompletedTs, DateTime TruckFreeTs)
{
    public double CycleHours => (TruckFreeTs - ScheduledTs).TotalHours;
}
