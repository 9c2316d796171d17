using RetailSynth.Engine.Simulation.Calendar;

namespace RetailSynth.Core.Tests.Engine.Simulation.Calendar;

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

    [Fact]
    public void Conversion_rate_is_a_fifth_of_the_factor_and_lower_on_weekends()
    {
        Assert.Equal(0.26, HourlyCurve.ConversionRate(12, weekend: false), Precision);
        Assert.Equal(0.234, HourlyCurve.ConversionRate(12, weekend: true), Precision);
        for (var hour = 0; hour < 24; hour++)
        {
            Assert.InRange(HourlyCurve.ConversionRate(hour, weekend: false), 0.0, 0.9);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24)]
    public void Hours_outside_the_day_are_rejected(int hour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HourlyCurve.Traffic(hour, weekend: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => HourlyCurve.Conversion(hour));
    }
}
