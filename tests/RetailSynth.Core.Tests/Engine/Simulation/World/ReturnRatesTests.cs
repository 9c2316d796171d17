using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Simulation.World;

public class ReturnRatesTests
{
    private static readonly ProductTable s_products = new(DimensionGenerator.Generate(SimulationFixture.Options(), SimulationFixture.Dictionaries).Products);
    private static readonly ReturnRates s_rates = new(s_products);
    private static readonly DateOnly s_spring = new(2024, 3, 12);

    /// <summary>
    /// Sold lines drawn by popularity within each department, each returned with its p_line: the returned share of value
    /// lands in the realism R11 bands around the §11 targets (Grocery ≈ 0.5 %, Clothing ≈ 11 %, Electronics ≈ 7–9 %).
    /// </summary>
    [Theory]
    [InlineData("Grocery", 0.003, 0.010)]
    [InlineData("Clothing", 0.08, 0.16)]
    [InlineData("Electronics", 0.05, 0.12)]
    public void Returned_value_by_department_follows_the_department_rate_and_price(string department, double low, double high)
    {
        var products = Enumerable.Range(0, s_products.Count).Where(p => s_products.Rows[p].Department == department).ToArray();
        var weights = products.Select(p => s_products.Popularity[p]).ToArray();
        var stream = new RandomHierarchy(7).Stream("test.returns", s_spring, department);
        double sold = 0, returned = 0;
        for (var line = 0; line < 400_000; line++)
        {
            var product = products[stream.Categorical(weights)];
            var value = (double)s_products.SaleCents[product];
            sold += value;
            if (stream.Bernoulli(s_rates.StoreLine(product, s_spring)))
            {
                returned += value;
            }
        }

        var rate = returned / sold;
        Assert.InRange(rate, low, high);
    }

    [Fact]
    public void Dearer_items_of_a_department_come_back_more_often_up_to_the_15_percent_cap()
    {
        var electronics = Enumerable.Range(0, s_products.Count).Where(p => s_products.Rows[p].Department == "Electronics")
            .OrderBy(p => s_products.SaleCents[p]).ToArray();
        Assert.True(s_rates.Line(electronics[0]) < s_rates.Line(electronics[^1]));
        Assert.All(Enumerable.Range(0, s_products.Count), p => Assert.InRange(s_rates.Line(p), 0, ReturnRates.LineCap));
        Assert.Contains(Enumerable.Range(0, s_products.Count), p => s_rates.Line(p) == ReturnRates.LineCap);
    }

    [Fact]
    public void The_gift_season_raises_every_department_but_Grocery_by_half()
    {
        var giftDay = new DateOnly(2024, 12, 10);
        var grocery = Enumerable.Range(0, s_products.Count).First(p => s_products.Rows[p].Department == "Grocery");
        var clothing = Enumerable.Range(0, s_products.Count).First(p => s_products.Rows[p].Department == "Clothing");
        Assert.Equal(s_rates.Line(grocery), s_rates.StoreLine(grocery, giftDay));
        Assert.Equal(s_rates.Line(clothing) * 1.5, s_rates.StoreLine(clothing, giftDay), 12);
        Assert.Equal(s_rates.Line(clothing), s_rates.StoreLine(clothing, s_spring));
    }

    [Fact]
    public void An_online_line_comes_back_three_times_as_often_Grocery_half_again_at_most_one_in_two()
    {
        var grocery = Enumerable.Range(0, s_products.Count).First(p => s_products.Rows[p].Department == "Grocery");
        var clothing = Enumerable.Range(0, s_products.Count).First(p => s_products.Rows[p].Department == "Clothing");
        Assert.Equal(Math.Min(0.5, s_rates.Line(grocery) * 1.5), s_rates.OnlineLine(grocery, s_spring), 12);
        Assert.Equal(Math.Min(0.5, s_rates.Line(clothing) * 3), s_rates.OnlineLine(clothing, s_spring), 12);
        Assert.All(Enumerable.Range(0, s_products.Count), p => Assert.InRange(s_rates.OnlineLine(p, s_spring), 0, ReturnRates.OnlineCap));
    }
}
