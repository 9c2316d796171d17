using RetailSynth.Engine.Calendar;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class WeatherModelTests
{
    [Fact]
    public void Same_seed_geography_and_date_give_the_same_weather()
    {
        var a = new RandomHierarchy(42);
        var b = new RandomHierarchy(42);
        for (var geography = 1L; geography <= 200; geography++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays((int)geography);
            Assert.Equal(WeatherModel.Draw(a, geography, date), WeatherModel.Draw(b, geography, date));
        }
    }

    [Fact]
    public void Weather_is_drawn_from_the_documented_stream()
    {
        var random = new RandomHierarchy(7);
        var date = new DateOnly(2024, 7, 4);
        var stream = random.Stream("calendar.weather", date, "123");
        var expected = (Weather)stream.Categorical([0.55, 0.25, 0.12, 0.00, 0.08]);
        Assert.Equal(expected, WeatherModel.Draw(random, 123, date));
    }

    [Fact]
    public void Weather_differs_between_geographies_on_the_same_date()
    {
        var random = new RandomHierarchy(42);
        var date = new DateOnly(2024, 4, 10);
        var seen = Enumerable.Range(1, 100).Select(g => WeatherModel.Draw(random, g, date)).Distinct().Count();
        Assert.True(seen >= 3, $"Only {seen} distinct weathers over 100 geographies.");
    }

    [Theory]
    [InlineData("2024-01-15", new[] { 0.30, 0.35, 0.10, 0.20, 0.05 })]
    [InlineData("2024-04-15", new[] { 0.40, 0.30, 0.25, 0.00, 0.05 })]
    [InlineData("2024-07-15", new[] { 0.55, 0.25, 0.12, 0.00, 0.08 })]
    [InlineData("2024-10-15", new[] { 0.40, 0.35, 0.20, 0.02, 0.03 })]
    public void Weather_frequencies_over_many_geographies_match_the_season(string date, double[] expected)
    {
        const int Geographies = 20_000;
        var random = new RandomHierarchy(2024);
        var day = DateOnly.Parse(date);
        var counts = new int[5];
        for (var geography = 1L; geography <= Geographies; geography++)
        {
            counts[(int)WeatherModel.Draw(random, geography, day)]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            Assert.InRange(counts[i] / (double)Geographies, expected[i] - 0.015, expected[i] + 0.015);
        }
    }

    [Fact]
    public void It_never_snows_in_summer_or_spring()
    {
        var random = new RandomHierarchy(99);
        for (var day = new DateOnly(2024, 3, 1); day <= new DateOnly(2024, 8, 31); day = day.AddDays(1))
        {
            for (var geography = 1L; geography <= 50; geography++)
            {
                Assert.NotEqual(Weather.SNOWY, WeatherModel.Draw(random, geography, day));
            }
        }
    }

    [Theory]
    [InlineData(Weather.SUNNY, 1.1)]
    [InlineData(Weather.CLOUDY, 1.0)]
    [InlineData(Weather.RAINY, 0.7)]
    [InlineData(Weather.SNOWY, 0.6)]
    [InlineData(Weather.STORMY, 0.5)]
    public void Weather_factors_follow_the_table(Weather weather, double expected) =>
        Assert.Equal(expected, WeatherModel.Factor(weather));
}
