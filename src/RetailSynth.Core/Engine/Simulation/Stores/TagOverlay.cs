using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// The holiday tag overlay of data-model §10.2: g_p(t), the product's weight multiplier on a date (factors of overlapping
/// windows multiply), and whether its lines get U(0,2) extra units (a tagged product whose tag applies; the generic
/// FOOD ×1.3 changes the weight only).
/// </summary>
internal static class TagOverlay
{
    public static (double Factor, bool ExtraUnits) For(ProductTags tags, int merchGroup, DateOnly date)
    {
        var factor = 1.0;
        var extra = false;
        if (SeasonalWindows.ThanksgivingWindow(date))
        {
            if ((tags & ProductTags.Thanksgiving) != 0)
            {
                (factor, extra) = (factor * 3.5, true);
            }
            else if ((tags & ProductTags.Baking) != 0)
            {
                (factor, extra) = (factor * 1.8, true);
            }
            else if (merchGroup == MerchGroup.Food)
            {
                factor *= 1.3;
            }
        }

        if (SeasonalWindows.ChristmasWindow(date))
        {
            if ((tags & ProductTags.Gift) != 0)
            {
                (factor, extra) = (factor * 1.8, true);
            }
            else if ((tags & ProductTags.HolidayFood) != 0)
            {
                (factor, extra) = (factor * 1.6, true);
            }
        }

        if (SeasonalWindows.GrillingWindow(date) && (tags & ProductTags.Grilling) != 0)
        {
            (factor, extra) = (factor * 2.5, true);
        }

        return (factor, extra);
    }
}
