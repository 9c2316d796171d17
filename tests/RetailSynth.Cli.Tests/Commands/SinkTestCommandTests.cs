using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class SinkTestCommandTests
{
    private const string Secret = "c2VjcmV0LWtleS1mb3ItY2xp";

    [Fact]
    public async Task The_file_sink_test_exits_0_and_leaves_nothing_in_an_existing_folder()
    {
        using var cli = new CliRunner();
        Directory.CreateDirectory(cli.File("data/events"));

        var result = await cli.RunAsync("sink", "test");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains("ok: the file sink answered", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(cli.File("data/events")));
    }

    [Fact]
    public async Task The_stdout_sink_test_exits_0()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("sink", "test", "--sink", "stdout");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains("ok: the stdout sink answered", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_kafka_broker_exits_1_with_one_line_naming_the_classified_failure_and_no_secret()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Streaming__Kafka__BootstrapServers"] = "127.0.0.1:1";
        cli.Environment["RETAILSYNTH__Streaming__Kafka__Topic"] = "retail";
        cli.Environment["RETAILSYNTH__Streaming__Kafka__SecurityProtocol"] = "sasl_plaintext";
        cli.Environment["RETAILSYNTH__Streaming__Kafka__SaslUsername"] = "user";
        cli.Environment["RETAILSYNTH__Streaming__Kafka__SaslPassword"] = Secret;
        cli.Environment["RETAILSYNTH__Streaming__Kafka__MessageTimeout"] = "00:00:02";

        var result = await cli.RunAsync("sink", "test", "--sink", "kafka");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        var line = result.SingleErrorLine;
        Assert.Contains("kafka sink test failed (transient", line, StringComparison.Ordinal);
        Assert.Contains("cannot reach Kafka at 127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_hubs_without_settings_exits_1_naming_the_setting()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("sink", "test", "--sink", "eventhubs");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("Streaming:EventHubs", result.SingleErrorLine, StringComparison.Ordinal);
    }
}
