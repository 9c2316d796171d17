using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.EventHubs;

public sealed class EventHubsLiveTests
{
    [LiveEventHubsFact]
    public async Task A_real_hub_acknowledges_every_event_of_a_lease()
    {
        var options = new EventHubsSinkOptions { ConnectionString = LiveEventHubsFactAttribute.ConnectionString };
        await using var sink = EventHubsSink.Create(options, NullLoggerFactory.Instance);
        var batch = Interleaved(50, keys: 5);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal(50, report.CountOf(DeliveryState.Delivered));
    }

    [LiveEventHubsFact]
    public async Task A_missing_hub_is_a_configuration_failure()
    {
        var options = new EventHubsSinkOptions { ConnectionString = LiveEventHubsFactAttribute.ConnectionString };
        var parts = options.ConnectionString!.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("EntityPath=", StringComparison.OrdinalIgnoreCase));
        options.ConnectionString = string.Join(';', parts);
        options.EventHubName = $"retailsynth-missing-{Guid.NewGuid():N}";
        await using var sink = EventHubsSink.Create(options, NullLoggerFactory.Instance);

        var report = await sink.SendAsync([Event(1, "store_1")], CancellationToken.None);

        Assert.Equal(SinkFailureKind.Configuration, report.Failure?.Kind);
    }
}
