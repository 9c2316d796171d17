using NodaTime;
using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// One open business date of a store (data-model §2.2, §16.16): its local date and the UTC instants
/// it opens and closes. Customer-facing activity happens only in [Open, Close).
/// </summary>
internal sealed record BusinessDay(DateOnly Date, DateTime Open, DateTime Close, DateTime ClosedEventTs)
{
    /// <summary>The business days of a store that touch the UTC day [day, day + 1).</summary>
    public static List<BusinessDay> Touching(StoreInfo store, DateOnly day, DateTime startInstant)
    {
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var first = LocalDateOf(store.Zone, dayStart).AddDays(-1);
        var last = LocalDateOf(store.Zone, dayStart.AddDays(1));
        var result = new List<BusinessDay>(3);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (Holidays.StoresClosed(date))
            {
                continue;
            }

            var open = LocalToUtc(store.Zone, date, store.Store.OpenMinute);
            if (open < startInstant)
            {
                continue; // the simulation starts with every store closed (§2.2 First day)
            }

            var close = LocalToUtc(store.Zone, date, store.Store.CloseMinute);
            var closedEvent = store.Store.HoursClass == HoursClasses.H24 ? LocalToUtc(store.Zone, date, 1440).AddSeconds(-1) : close;
            result.Add(new BusinessDay(date, open, close, closedEvent));
        }

        return result;
    }

    public static DateTime LocalToUtc(DateTimeZone zone, DateOnly date, int minuteOfDay) =>
        zone.AtLeniently(new LocalDate(date.Year, date.Month, date.Day).AtMidnight().PlusMinutes(minuteOfDay)).ToDateTimeUtc();

    public static DateOnly LocalDateOf(DateTimeZone zone, DateTime utc)
    {
        var local = Instant.FromDateTimeUtc(utc).InZone(zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    public static int LocalHourOf(DateTimeZone zone, DateTime utc) => Instant.FromDateTimeUtc(utc).InZone(zone).Hour;
}
