using RetailSynth.Engine.Calendar;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class HourlyCurveTests
{
    private const int Precision = 12;

    [Theory]
    [InlineData(false, 12.10)]
    [InlineData(true, 12.45)]
    public void Reference_sum_equals_the_curve_over_hours_8_to_21(bool weekend, double expected)
    {
        var sum = Enumerable.Range(8, 14).Sum(h => HourlyCurve.Traffic(h, weekend));
        Assert.Equal(expected, sum, Precision);
        Assert.Equal(expected, HourlyCurve.ReferenceSum(weekend));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void Night_hours_have_the_same_small_traffic_on_weekdays_and_weekends(int hour)
    {
        Assert.Equal(0.05, HourlyCurve.Traffic(hour, weekend: false));
        Assert.Equal(0.05, HourlyCurve.Traffic(hour, weekend: true));
    }

    [Theory]
    [InlineData(6, false, 0.15)]
    [InlineData(12, false, 1.20)]
    [InlineData(18, false, 1.50)]
    [InlineData(23, false, 0.20)]
    [InlineData(6, true, 0.10)]
    [InlineData(13, true, 1.30)]
    [InlineData(22, true, 0.35)]
    [InlineData(23, true, 0.20)]
    public void Traffic_follows_the_curve_table(int hour, bool weekend, double expected) =>
        Assert.Equal(expected, HourlyCurve.Traffic(hour, weekend));

    [Theory]
    [InlineData(7, 0.5)]
    [InlineData(8, 0.7)]
    [InlineData(10, 1.0)]
    [InlineData(12, 1.3)]
    [InlineData(17, 1.3)]
    [InlineData(20, 0.7)]
    [InlineData(22, 0.5)]
    public void Conversion_factor_follows_the_table(int hour, double expected) =>
        Assert.Equal(expected, HourlyCurve.Conversion(hour));

    [Theory]
    [InlineData("HYPERMARKET", 0.80)]
    [InlineData("SUPERSTORE", 0.78)]
    [InlineData("STANDARD", 0.76)]
    [InlineData("NEIGHBORHOOD", 0.72)]
    [InlineData("EXPRESS", 0.62)]
    public void Conversion_rate_starts_from_the_formats_rate_and_moves_a_quarter_of_the_hour_factor(string format, double formatRate)
    {
        Assert.Equal(formatRate, HourlyCurve.FormatConversion(format));
        Assert.Equal(formatRate, HourlyCurve.ConversionRate(format, 10, weekend: false), Precision); // factor 1.0
        Assert.Equal(formatRate * 1.075, HourlyCurve.ConversionRate(format, 12, weekend: false), Precision); // 1.3
        Assert.Equal(formatRate * 0.875 * 0.95, HourlyCurve.ConversionRate(format, 7, weekend: true), Precision); // 0.5, weekend
    }

    [Theory]
    [InlineData("HYPERMARKET", 0.66, 0.861)]
    [InlineData("SUPERSTORE", 0.64, 0.84)]
    [InlineData("STANDARD", 0.63, 0.82)]
    [InlineData("NEIGHBORHOOD", 0.59, 0.78)]
    [InlineData("EXPRESS", 0.51, 0.67)]
    public void Every_hour_converts_within_the_formats_range_and_grocery_formats_inside_the_realism_band(string format, double low, double high)
    {
        for (var hour = 0; hour < 24; hour++)
        {
            foreach (var weekend in new[] { false, true })
            {
                var rate = HourlyCurve.ConversionRate(format, hour, weekend);
                Assert.InRange(rate, low, high);
                if (format != "EXPRESS")
                {
                    Assert.InRange(rate, 0.55, 0.90); // realism R8
                }
            }
        }
    }

    [Fact]
    public void An_unknown_format_has_no_conversion_rate() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HourlyCurve.ConversionRate("KIOSK", 12, weekend: false));

    [Theory]
    [InlineData(480, 1320, 1.0)] // STANDARD 08–22: the reference hours
    [InlineData(0, 1440, 13.40 / 12.10)] // H24
    [InlineData(360, 1440, 13.10 / 12.10)] // EXTENDED 06–24
    [InlineData(540, 1260, 11.10 / 12.10)] // LIMITED 09–21
    [InlineData(510, 1290, (12.10 - (0.30 / 2) - (0.70 / 2)) / 12.10)] // 08:30–21:30: half of hours 8 and 21
    public void Hours_factor_sums_the_weekday_curve_over_the_open_minutes(int open, int close, double expected) =>
        Assert.Equal(expected, HourlyCurve.HoursFactor(open, close), Precision);

    [Theory]
    [InlineData(-1)]
    [InlineData(24)]
    public void Hours_outside_the_day_are_rejected(int hour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HourlyCurve.Traffic(hour, weekend: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => HourlyCurve.Conversion(hour));
    }
}
