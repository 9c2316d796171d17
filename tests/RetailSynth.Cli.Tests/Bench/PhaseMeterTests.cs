using System.Diagnostics;
using RetailSynth.Cli.Bench;

namespace RetailSynth.Cli.Tests.Bench;

public class PhaseMeterTests
{
    [Fact]
    public void A_phase_that_computes_and_allocates_reports_cpu_seconds_and_the_bytes()
    {
        var meter = PhaseMeter.Start();
        var kept = new List<byte[]>();
        var clock = Stopwatch.StartNew();
        var sum = 0L;
        while (clock.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            kept.Add(new byte[64 * 1024]);
            for (var i = 0; i < 100_000; i++)
            {
                sum += i ^ kept.Count;
            }
        }

        var cost = meter.Stop();

        Assert.True(sum != 0);
        Assert.True(cost.WallSeconds >= 0.2, $"{cost.WallSeconds} s");
        Assert.True(cost.CpuSeconds > 0.05, $"{cost.CpuSeconds} CPU s for 0.2 s of spinning");
        Assert.True(cost.CpuSeconds <= (cost.WallSeconds * Environment.ProcessorCount) + 0.05, $"{cost.CpuSeconds} CPU s in {cost.WallSeconds} s");
        Assert.True(cost.AllocatedBytes >= kept.Count * 64L * 1024, $"{cost.AllocatedBytes} bytes for {kept.Count} arrays of 64 KiB");
        Assert.Equal(cost.CpuSeconds / cost.WallSeconds, cost.CpuUtilisation, 9);
        Assert.Equal(Environment.ProcessorCount, cost.Cores);
    }

    [Fact]
    public void Costs_of_a_phase_run_by_turns_add_up()
    {
        var a = new PhaseCost(1.0, 0.5, 0.25, 1000, 0.1, 3, 2, 1, 2);
        var b = new PhaseCost(2.0, 1.5, 0.25, 3000, 0.2, 1, 0, 0, 2);

        var sum = PhaseCost.Zero + a + b;

        Assert.Equal(3.0, sum.WallSeconds, 9);
        Assert.Equal(2.5, sum.CpuSeconds, 9);
        Assert.Equal(4000, sum.AllocatedBytes);
        Assert.Equal(0.3, sum.GcPauseSeconds, 9);
        Assert.Equal((4, 2, 1), (sum.Gen0, sum.Gen1, sum.Gen2));
        Assert.Equal(1000.0, sum.AllocatedBytesPer(4), 9);
        Assert.Equal(0, sum.AllocatedBytesPer(0));
    }
}
