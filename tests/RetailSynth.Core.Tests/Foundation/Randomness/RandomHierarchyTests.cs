using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Foundation.Randomness;

public class RandomHierarchyTests
{
    private static ulong[] Draw(RandomStream stream, int count) => Enumerable.Range(0, count).Select(_ => stream.NextUInt64()).ToArray();

    [Fact]
    public void Same_seed_component_day_and_scope_give_the_same_stream()
    {
        var a = new RandomHierarchy(42).Stream("store", new DateOnly(2024, 1, 15), "3");
        var b = new RandomHierarchy(42).Stream("store", new DateOnly(2024, 1, 15), "3");
        Assert.Equal(Draw(a, 100), Draw(b, 100));
    }

    [Theory]
    [InlineData(43, "store", "2024-01-15", "3")]
    [InlineData(42, "returns", "2024-01-15", "3")]
    [InlineData(42, "store", "2024-01-16", "3")]
    [InlineData(42, "store", "2024-01-15", "4")]
    public void Changing_any_level_of_the_hierarchy_changes_the_stream(long seed, string component, string day, string scope)
    {
        var reference = Draw(new RandomHierarchy(42).Stream("store", new DateOnly(2024, 1, 15), "3"), 20);
        var other = Draw(new RandomHierarchy(seed).Stream(component, DateOnly.Parse(day), scope), 20);
        Assert.NotEqual(reference, other);
    }

    [Fact]
    public void Stream_key_follows_the_documented_format_so_other_implementations_can_reproduce_it()
    {
        // data-model §3.1: XxHash64(UTF-8 "{Seed}|{component}|{yyyyMMdd or -}|{scope or -}") seeds SplitMix64.
        var expectedSeed = System.IO.Hashing.XxHash64.HashToUInt64("42|dims.customers|-|-"u8);
        Assert.Equal(Draw(new RandomStream(expectedSeed), 10), Draw(new RandomHierarchy(42).Stream("dims.customers"), 10));
    }

    [Fact]
    public void Integer_ranges_include_both_bounds_and_nothing_outside()
    {
        var stream = new RandomHierarchy(1).Stream("test");
        var seen = new HashSet<long>();
        for (var i = 0; i < 10_000; i++)
        {
            seen.Add(stream.UniformInt(3L, 7L));
        }

        Assert.Equal(new HashSet<long> { 3, 4, 5, 6, 7 }, seen);
    }

    [Fact]
    public void Categorical_draws_follow_their_weights()
    {
        var stream = new RandomHierarchy(7).Stream("test");
        var counts = new int[3];
        for (var i = 0; i < 100_000; i++)
        {
            counts[stream.Categorical([0.5, 0.3, 0.2])]++;
        }

        Assert.InRange(counts[0] / 100_000.0, 0.49, 0.51);
        Assert.InRange(counts[1] / 100_000.0, 0.29, 0.31);
        Assert.InRange(counts[2] / 100_000.0, 0.19, 0.21);
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(120.0)]
    public void Poisson_mean_matches_lambda_on_both_sampler_branches(double lambda)
    {
        var stream = new RandomHierarchy(9).Stream("test");
        var mean = Enumerable.Range(0, 50_000).Select(_ => (double)stream.Poisson(lambda)).Average();
        Assert.InRange(mean, lambda * 0.98, lambda * 1.02);
    }
}
