using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;
using Xunit.Abstractions;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.EventHubs;

public sealed class EventHubsClosedPortTests(ITestOutputHelper output)
{
    private const string Secret = "Q2xvc2VkUG9ydFNlY3JldEtleVZhbHVl";

    [Fact]
    public async Task A_closed_port_is_a_transient_failure_naming_the_endpoint_and_never_the_key()
    {
        var port = ClosedPort();
        var options = new EventHubsSinkOptions
        {
            ConnectionString = $"Endpoint=sb://127.0.0.1:{port};SharedAccessKeyName=k;SharedAccessKey={Secret};EntityPath=hub;UseDevelopmentEmulator=true",
        };
        var clientOptions = new EventHubProducerClientOptions
        {
            RetryOptions = new EventHubsRetryOptions { MaximumRetries = 0, TryTimeout = TimeSpan.FromSeconds(5) },
        };
        await using var sink = EventHubsSink.Create(options, NullLoggerFactory.Instance, clientOptions);
        var batch = Interleaved(5, keys: 2);
        var clock = Stopwatch.StartNew();

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.NotNull(report.Failure);
        output.WriteLine($"{report.Failure.Kind} after {clock.Elapsed.TotalSeconds:0.0} s: {report.Failure.Message}");
        Assert.Equal(SinkFailureKind.Transient, report.Failure.Kind);
        Assert.Contains($"127.0.0.1:{port}", report.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", report.Failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, report.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(5, report.CountOf(DeliveryState.NotDelivered));
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
