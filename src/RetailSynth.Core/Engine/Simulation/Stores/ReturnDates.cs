using RetailSynth.Engine.Calendar;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// The local date a return happens (§11), strictly after the sale (or delivery) date: lag 1–3 days p 0.4, 4–7 p 0.3,
/// 8–14 p 0.2, 15–30 p 0.1; gift-season returns on Dec 26 with p 0.4, else Dec 27–Jan 15, unless that is not after
/// the date, when the normal lag applies. A date on which stores are closed moves to the next open date.
/// </summary>
internal static class ReturnDates
{
    private static readonly double[] s_lagClasses = [0.4, 0.3, 0.2, 0.1];
    private static readonly (int Min, int Max)[] s_lagDays = [(1, 3), (4, 7), (8, 14), (15, 30)];

    /// <param name="stream">The stream of the decision (store: the sale's; online: the day's), drawn after the line decisions.</param>
    /// <param name="after">The sale date, or the returning store's local date of the DELIVERED instant.</param>
    /// <param name="giftSeasonYear">The year of the gift season the sale (or order creation) fell in, or null.</param>
    public static DateOnly Draw(RandomStream stream, DateOnly after, int? giftSeasonYear)
    {
        var date = DateOnly.MinValue;
        if (giftSeasonYear is { } year)
        {
            var boxingDay = new DateOnly(year, 12, 26);
            date = stream.Bernoulli(0.4) ? boxingDay : boxingDay.AddDays(stream.UniformInt(1, 20));
        }

        if (date <= after)
        {
            var (min, max) = s_lagDays[stream.Categorical(s_lagClasses)];
            date = after.AddDays(stream.UniformInt(min, max));
        }

        while (Holidays.StoresClosed(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
