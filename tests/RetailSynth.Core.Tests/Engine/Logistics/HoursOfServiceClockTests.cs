using RetailSynth.Engine.Logistics;

namespace RetailSynth.Core.Tests.Engine.Logistics;

public class HoursOfServiceClockTests
{
    private static readonly DateTime s_start = new(2024, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    private static long Hours(double h) => (long)(h * 3600);

    [Fact]
    public void A_long_drive_breaks_after_8_hours_and_rests_10_hours_after_11_hours_of_driving()
    {
        var clock = new HoursOfServiceClock(s_start);

        var end = clock.Drive(Hours(20));

        // 8 h, 30-min break, 3 h (11 h driven), 10 h rest, 8 h, 30-min break, 1 h.
        Assert.Equal(s_start.AddHours(31), end);
        Assert.Equal(2, clock.Breaks);
        Assert.Equal(1, clock.Rests);
        Assert.Equal(Hours(9), clock.DrivingSeconds);
    }

    [Fact]
    public void Driving_stops_at_14_hours_on_duty_and_resumes_after_a_10_hour_rest()
    {
        var clock = new HoursOfServiceClock(s_start);
        clock.Work(Hours(10));

        var end = clock.Drive(Hours(6));

        Assert.Equal(s_start.AddHours(10 + 4 + 10 + 2), end);
        Assert.Equal(1, clock.Rests);
        Assert.Equal(0, clock.Breaks);
    }

    [Fact]
    public void Thirty_minutes_of_unloading_count_as_the_break_and_29_minutes_do_not()
    {
        var withBreak = new HoursOfServiceClock(s_start);
        withBreak.Drive(Hours(5));
        withBreak.Work(30 * 60);
        Assert.Equal(s_start.AddHours(10.5), withBreak.Drive(Hours(5)));
        Assert.Equal(0, withBreak.Breaks);

        var tooShort = new HoursOfServiceClock(s_start);
        tooShort.Drive(Hours(5));
        tooShort.Work(29 * 60);
        Assert.Equal(s_start.AddHours(10).AddMinutes(29 + 30), tooShort.Drive(Hours(5)));
        Assert.Equal(1, tooShort.Breaks);
    }

    [Fact]
    public void A_trip_timeline_chains_loading_legs_dock_waits_and_unloads_and_keeps_implied_speed_under_55_mph()
    {
        var scheduled = s_start;
        var stops = new[] { new TripStop(300, 6_000), new TripStop(40, 3_000) };

        var trip = TripTimeline.Compute(scheduled, stops, returnMiles: 320, capacity: 15_000, tripFactor: 1.0, dockWaitSeconds: 1_050, unloadFactor: 1.0);

        Assert.Equal(scheduled.AddMinutes(30), trip.LoadingTs);
        Assert.Equal(trip.LoadingTs.AddHours(0.5 + 0.6), trip.InTransitTs);
        Assert.Equal(trip.InTransitTs.AddHours(0.25 + 6), trip.ArrivedTs[0]);
        Assert.Equal(trip.ArrivedTs[0].AddSeconds(1_050), trip.UnloadingTs[0]);
        Assert.Equal(trip.UnloadingTs[0].AddHours(0.5 + (1.5 * 0.4)), trip.CompletedTs[0]);
        Assert.True(trip.ArrivedTs[1] > trip.CompletedTs[0]);
        Assert.True(300 / (trip.ArrivedTs[0] - trip.InTransitTs).TotalHours <= 55);

        // 6.25 h + 1.05 h + 1.1 h + 1.05 h on duty: the return leg of 6.65 h must wait for a 10 h rest.
        Assert.True(trip.TruckFreeTs - trip.CompletedTs[1] >= TimeSpan.FromHours(10 + 6.65));
    }
}
