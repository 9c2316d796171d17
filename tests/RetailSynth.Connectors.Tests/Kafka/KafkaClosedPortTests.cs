using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Connectors.Tests.EventHubs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;
using Xunit.Abstractions;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.Kafka;

public sealed class KafkaClosedPortTests(ITestOutputHelper output)
{
    private const string Secret = "S2Fma2FDbG9zZWRQb3J0UGFzc3dvcmQ=";

    [Fact]
    public async Task A_closed_port_is_a_transient_failure_naming_the_broker_and_never_the_password()
    {
        var port = EventHubsClosedPortTests.ClosedPort();
        var options = new KafkaSinkOptions
        {
            BootstrapServers = $"127.0.0.1:{port}",
            Topic = "retail-events",
            SecurityProtocol = "sasl_plaintext",
            SaslMechanism = "PLAIN",
            SaslUsername = "user",
            SaslPassword = Secret,
            MessageTimeout = TimeSpan.FromSeconds(2),
        };
        await using var sink = KafkaSink.Create(options, NullLoggerFactory.Instance);
        var batch = Interleaved(5, keys: 2);
        var clock = Stopwatch.StartNew();

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.NotNull(report.Failure);
        output.WriteLine($"{report.Failure.Kind} after {clock.Elapsed.TotalSeconds:0.0} s: {report.Failure.Message}");
        Assert.Equal(SinkFailureKind.Transient, report.Failure.Kind);
        Assert.Contains($"cannot reach Kafka at 127.0.0.1:{port}", report.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", report.Failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, report.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(5, report.CountOf(DeliveryState.NotDelivered));
    }
}
