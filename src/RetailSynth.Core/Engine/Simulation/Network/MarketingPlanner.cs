using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>
/// Phase A of hour 00 (§14): the day's new campaign, drawn from its own <c>campaigns</c> stream so the campaign plan
/// depends only on the settings and the dates, then every impression of the day with its conversion decision, drawn
/// from the <c>marketing</c> stream and held in memory; rows are emitted in the hour of their time. Conversions become
/// state, never rows, until they happen.
/// </summary>
internal static class MarketingPlanner
{
    private static readonly string[] s_campaignTypes = ["SEASONAL_SALE", "PRODUCT_LAUNCH", "LOYALTY_PROGRAM", "FLASH_SALE"];
    private static readonly double[] s_deviceCost = [1.0, 1.5, 1.2];

    public sealed record Plan(List<MarketingFact> Impressions, List<PendingConversion> Conversions);

    public static Plan Run(SimulationWorld world, SimulationState state, DateOnly day, ShopperPools shoppers, RandomStream campaigns, RandomStream stream)
    {
        StartCampaign(state, day, campaigns);
        state.Campaigns.RemoveAll(c => c.EndDay < day);

        var multiplier = SeasonalWindows.MarketingMultiplier(day);
        var active = state.Campaigns.Where(c => c.StartDay <= day).OrderBy(c => c.CampaignId, StringComparer.Ordinal).ToList();
        var volumes = active.Select(c => (long)Math.Max(100 * c.Channels.Count, Rounding.ToLong(c.DailyImpressions * multiplier))).ToArray();
        var cap = (long)Math.Max(1000, Rounding.ToLong(world.Options.MarketingImpressionsPerDay * Math.Clamp(multiplier, 0.5, 2)));
        ScaleToCap(volumes, cap);

        var drawn = new List<(int Second, MarketingFact Row, PendingConversion? Conversion)>();
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var c = 0; c < active.Count; c++)
        {
            var campaign = active[c];
            var perChannel = volumes[c] / campaign.Channels.Count;
            for (var k = 0; k < campaign.Channels.Count; k++)
            {
                var count = perChannel + (k == 0 ? volumes[c] % campaign.Channels.Count : 0);
                for (var i = 0; i < count; i++)
                {
                    drawn.Add(DrawImpression(world, shoppers, campaign, campaign.Channels[k], dayStart, stream));
                }
            }
        }

        // Sequence numbers follow time, ties by draw order (a stable sort keeps draw order).
        var ordered = drawn.Select((d, index) => (d, index)).OrderBy(x => x.d.Second).ThenBy(x => x.index).ToList();
        var impressions = new List<MarketingFact>(ordered.Count);
        var conversions = new List<PendingConversion>();
        var dayKey = day.ToString("yyyyMMdd");
        for (var seq = 1; seq <= ordered.Count; seq++)
        {
            var (second, row, conversion) = ordered[seq - 1].d;
            var impressionId = $"IMP-{dayKey}-{world.Region.Sequence(seq):0000000}";
            var journeyId = $"JRN-{dayKey}-{world.Region.Sequence(seq):0000000}";
            impressions.Add(row with { ImpressionIdExt = impressionId, CorrelationId = journeyId });
            if (conversion is not null)
            {
                conversions.Add(conversion with { JourneyId = journeyId, ImpressionIdExt = impressionId });
            }
        }

        return new Plan(impressions, conversions);
    }

    /// <summary>A new campaign with p 0.9; type weights by month (§14.1).</summary>
    private static void StartCampaign(SimulationState state, DateOnly day, RandomStream stream)
    {
        if (!stream.Bernoulli(0.9))
        {
            return;
        }

        double[] weights = day.Month is 11 or 12 ? [3, 1, 2, 4] : day.Month is 8 or 9 ? [2, 3, 1, 2] : [1, 1, 1, 1];
        var type = s_campaignTypes[stream.Categorical(weights)];
        var (channels, days, daily) = type switch
        {
            "SEASONAL_SALE" => (new[] { "FACEBOOK", "GOOGLE", "EMAIL" }, 7, 1_000),
            "PRODUCT_LAUNCH" => (new[] { "INSTAGRAM", "YOUTUBE", "DISPLAY" }, 14, 2_000),
            "LOYALTY_PROGRAM" => (new[] { "EMAIL", "SOCIAL" }, 30, 500),
            _ => (new[] { "SOCIAL", "SEARCH" }, 1, 5_000),
        };
        state.Campaigns.Add(new Campaign($"CMP-{day:yyyyMMdd}", type, day, day.AddDays(days - 1), daily, channels));
    }

    /// <summary>Above the daily cap every campaign is scaled down proportionally (floor, remainder by campaign id).</summary>
    private static void ScaleToCap(long[] volumes, long cap)
    {
        var total = volumes.Sum();
        if (total <= cap)
        {
            return;
        }

        var scaled = volumes.Select(v => v * cap / total).ToArray();
        var remainder = cap - scaled.Sum();
        for (var i = 0; remainder > 0; i = (i + 1) % scaled.Length, remainder--)
        {
            scaled[i]++;
        }

        scaled.CopyTo(volumes, 0);
    }

    private static (int Second, MarketingFact Row, PendingConversion? Conversion) DrawImpression(
        SimulationWorld world, ShopperPools shoppers, Campaign campaign, string channel, DateTime dayStart, RandomStream stream)
    {
        var second = stream.UniformInt(0, 86_399);
        var ts = dayStart.AddSeconds(second);
        var (target, active) = DrawTarget(shoppers, world.Customers.Count, stream);
        var customer = world.Customers.Rows[target];
        long? customerId = channel == "EMAIL" || stream.Bernoulli(0.05) ? customer.CustomerId : null;
        var device = stream.Categorical([0.6, 0.3, 0.1]);
        var costCents = DrawCostCents(world.Options.MarketingCpm[channel], s_deviceCost[device], stream);
        var creative = $"CRV-{campaign.StartDay:yyyyMMdd}-{channel}-{stream.UniformInt(1, 3)}";
        var row = new MarketingFact(string.Empty, ts, campaign.CampaignId, campaign.CampaignType, channel, creative, customer.AdId,
            customerId, DeviceTypes.All[device], costCents, string.Empty)
        {
            TargetCustomerId = customer.CustomerId,
        };

        // The conversion draw is made for every impression, so whether a customer is active never shifts later draws.
        PendingConversion? conversion = null;
        if (stream.Bernoulli(JourneyConversionRate(channel)) && active)
        {
            var due = ts.AddSeconds(stream.UniformInt(3_600, 48 * 3_600));
            var toStore = stream.Bernoulli(0.6);
            conversion = new PendingConversion(string.Empty, string.Empty, campaign.CampaignId, customer.CustomerId,
                toStore ? PendingConversion.Store : PendingConversion.Online, toStore ? customer.PrimaryStoreId : null, due, due.AddDays(7));
        }

        return (second, row, conversion);
    }

    /// <summary>
    /// The targeted customer (§14.2): with p 0.8 uniform over the customers ACTIVE on the day (targeted audiences), else
    /// uniform over those enrolled by the day (ids 1…n). An empty audience falls back to the other one, then to every
    /// customer, so a tiny configuration still draws the same number of values. Only an ACTIVE target converts (§14.3).
    /// </summary>
    internal static (int Index, bool Active) DrawTarget(ShopperPools shoppers, int customerCount, RandomStream stream)
    {
        var targeted = stream.Bernoulli(0.8);
        var active = shoppers.Active;
        int index;
        if (targeted && active.Length > 0)
        {
            index = active[stream.UniformInt(0, active.Length - 1)];
        }
        else if (shoppers.Enrolled > 0)
        {
            index = stream.UniformInt(0, shoppers.Enrolled - 1);
        }
        else
        {
            index = active.Length > 0 ? active[stream.UniformInt(0, active.Length - 1)] : stream.UniformInt(0, customerCount - 1);
        }

        return (index, shoppers.IsActive(index));
    }

    /// <summary>
    /// Cost in cents (§14.2): x = U(min, max) CPM × device multiplier / 1000 × 100; floor(x) + 1 with p x − floor(x), else
    /// floor(x). Rounding to the nearest cent would make most sub-cent impressions (EMAIL's 0.1–0.3 ¢) free; this
    /// unbiased rounding keeps the channel's spend per 1,000 impressions equal to its CPM in expectation.
    /// </summary>
    internal static long DrawCostCents(CostRange cpm, double deviceMultiplier, RandomStream stream)
    {
        var x = stream.Uniform((double)cpm.Min, (double)cpm.Max) * deviceMultiplier / 1000 * 100;
        var whole = Math.Floor(x);
        return (long)whole + (stream.Bernoulli(x - whole) ? 1 : 0);
    }

    /// <summary>
    /// Purchases per impression by channel (§14.3): the click-and-buy path of search and the view-through path of
    /// display; ≈ 0.89 × these are measured because ≈ 89 % of impressions reach an ACTIVE customer (realism R7).
    /// </summary>
    internal static double JourneyConversionRate(string channel) => channel switch
    {
        "EMAIL" => 0.0040,
        "SEARCH" => 0.0035,
        "GOOGLE" => 0.0025,
        "YOUTUBE" => 0.0010,
        "DISPLAY" => 0.0010,
        "FACEBOOK" => 0.0009,
        "SOCIAL" => 0.0008,
        "INSTAGRAM" => 0.0008,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown marketing channel."),
    };
}
