using System.Text.Json;
using RetailSynth.Storage;
using RetailSynth.Streaming.Sinks;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class StreamCommandTests
{
    private const int BatchSize = 250;

    private static CliRunner TinyWorld()
    {
        var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, "2024-03-01", stores: 2, extra: new Dictionary<string, string?>
        {
            ["CustomersPerStoreDay"] = "20",

            // Online orders are network-wide: the model v2 default (600 a day) would outweigh two stores' sales.
            ["OnlineOrdersPerDay"] = "100",
        });
        cli.Environment["RETAILSYNTH__Streaming__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return cli;
    }

    private static List<string> EventLines(CliRunner cli) =>
        [.. Directory.GetFiles(cli.File("data/events"), "*.ndjson").Order(StringComparer.Ordinal).SelectMany(File.ReadLines)];

    private static long CommittedDays(CliRunner cli)
    {
        using var database = RetailDatabase.Open(cli.DatabasePath);
        return database.Scalar("SELECT coalesce(date_diff('day', DATE '2024-03-01', max(last_committed_day)) + 1, 0) FROM sim_state");
    }

    private static string TraceId(string line) => JsonDocument.Parse(line).RootElement.GetProperty("trace_id").GetString()!;

    [Fact]
    public async Task Stream_days_writes_one_ndjson_file_per_day_and_empties_the_outbox()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunAsync("stream", "--days", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Stream ended", result.Error, StringComparison.Ordinal);
        Assert.Equal(
            [FileSink.FileName(new DateOnly(2024, 3, 1)), FileSink.FileName(new DateOnly(2024, 3, 2))],
            Directory.GetFiles(cli.File("data/events")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var lines = EventLines(cli);
        Assert.All(lines, line => Assert.Equal(10, JsonDocument.Parse(line).RootElement.EnumerateObject().Count()));
        using var database = RetailDatabase.Open(cli.DatabasePath);
        Assert.Equal(lines.Count, database.Scalar("SELECT sum(sent)::BIGINT FROM streaming_sent_stats"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM streaming_outbox"));

        var status = await cli.RunAsync("outbox", "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"sent\s*│\s*" + lines.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), status.Output);
    }

    [Fact]
    public async Task The_stdout_sink_writes_nothing_but_events_to_standard_output()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunProcessAsync("stream", "--sink", "stdout", "--days", "1");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 100);
        Assert.All(lines, line => Assert.StartsWith("{\"event_type\":", line, StringComparison.Ordinal));
        Assert.Contains("Streaming to stdout", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_fails_logs_one_line_without_a_stack_trace_and_keeps_the_days_committed_before()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("stream", "--days", "1")).ExitCode);
        using (var database = RetailDatabase.Open(cli.DatabasePath))
        {
            database.Execute("ALTER TABLE streaming_outbox ALTER body_length TYPE VARCHAR"); // the next day's outbox append fails
        }

        var result = await cli.RunProcessAsync("stream", "--days", "1");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        var logged = Assert.Single(result.ErrorLines, l => l.Contains("Stream session failed: ", StringComparison.Ordinal));
        Assert.Contains("streaming_outbox", logged, StringComparison.Ordinal);
        var error = Assert.Single(result.ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: The stream session failed: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at RetailSynth.", result.Error, StringComparison.Ordinal); // no stack frame, on any line
        Assert.DoesNotContain(" at System.", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, CommittedDays(cli));
    }

    /// <summary>As <c>retailsynth stream --sink stdout | head -3</c>: once the reader has gone, nothing more counts as sent.</summary>
    [Fact]
    public async Task Stdout_closed_by_its_reader_ends_the_stream_with_exit_0_and_the_unread_events_stay_pending()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        using var process = cli.StartProcess("stream", "--sink", "stdout", "--duration", "2m");
        var error = process.StandardError.ReadToEndAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("{\"event_type\":", await process.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);
        }

        process.StandardOutput.Close();
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the stream kept running after its reader closed standard output");
            }
        }

        var stderr = await error;
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Contains("standard output was closed by its reader", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
        var sent = long.Parse(
            System.Text.RegularExpressions.Regex.Match(stderr, @"Stream ended: ([\d,]+) events sent").Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(sent < 5_000, $"{sent} events counted as sent into a pipe whose reader read 3");
        using var database = RetailDatabase.Open(cli.DatabasePath);
        Assert.True(database.Scalar("SELECT count(*) FROM streaming_outbox WHERE status = 'pending' AND outbox_id > (SELECT acked_through FROM streaming_relay)") > 0);
    }

    [Theory]
    [InlineData("--sink", "pigeon", "Streaming:Sink must be one of file, stdout, eventhubs, kafka")]
    [InlineData("--duration", "-5m", "--duration must be positive")]
    [InlineData("--duration", "soon", "--duration must be a duration")]
    [InlineData("--speed", "10", "--speed applies only with --pacing accelerated")]
    [InlineData("--max-events-per-second", "0", "Streaming:MaxEventsPerSecond must be > 0")]
    [InlineData("--pacing", "warp", "Streaming:Pacing must be one of max, realtime, accelerated")]
    public async Task Bad_stream_options_get_one_clear_line_and_nothing_is_written(string option, string value, string message)
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunAsync("stream", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.File("data/events")));
        using var database = RetailDatabase.Open(cli.DatabasePath);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM streaming_outbox"));
    }

    [Fact]
    public async Task A_speed_is_accepted_when_the_settings_choose_accelerated_pacing()
    {
        using var cli = TinyWorld();
        cli.Environment["RETAILSYNTH__Streaming__Pacing"] = "accelerated";
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunAsync("stream", "--speed", "120", "--duration", "1s");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("with accelerated pacing", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "set ConnectionString, or FullyQualifiedNamespace and EventHubName")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=TOPSECRETKEY123", "ConnectionString is malformed")]
    public async Task Event_hubs_without_a_usable_connection_string_is_refused_without_echoing_the_key(string? connectionString, string message)
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        cli.Environment["RETAILSYNTH__Streaming__EventHubs__ConnectionString"] = connectionString;

        var result = await cli.RunAsync("stream", "--sink", "eventhubs", "--days", "1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRETKEY123", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_twenty_times_at_random_moments_the_file_sink_still_holds_every_event_and_only_in_flight_batches_twice()
    {
        using var reference = TinyWorld();
        using var killed = TinyWorld();
        Assert.Equal(0, (await reference.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(0, (await killed.RunAsync("generate", "dimensions")).ExitCode);

        // Twenty kills, and more (with longer lives) while a loaded machine has not yet got past the first day:
        // the test is about kills across day boundaries.
        var random = new Random(20261127);
        var kills = 0;
        while (kills < 20 || (CommittedDays(killed) < 2 && kills < 60))
        {
            using var process = killed.StartProcess("stream", "--pacing", "max");
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 5000) * (kills < 20 ? 1 : 3)));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            kills++;
        }

        // Finish the day left in the outbox, then stream the same days without interruption for comparison.
        var finish = await killed.RunProcessAsync("stream", "--days", "1");
        Assert.True(finish.ExitCode == 0, finish.Error);
        DateOnly last;
        using (var database = RetailDatabase.Open(killed.DatabasePath))
        {
            Assert.Equal(0, database.Scalar("SELECT count(*) FROM streaming_outbox"));
            last = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(database.Scalar("SELECT epoch(last_committed_day)::BIGINT FROM sim_state")));
        }

        var days = last.DayNumber - new DateOnly(2024, 3, 1).DayNumber + 1;
        Assert.True(days >= 2, $"only {days} days were streamed in {kills} runs");
        var uninterrupted = await reference.RunProcessAsync("stream", "--days", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        var expected = EventLines(reference).Select(TraceId).ToList();
        var received = EventLines(killed).Select(TraceId).ToList();
        Assert.Equal(expected.Count, expected.Distinct().Count());
        Assert.Equal(expected.ToHashSet(), received.ToHashSet());

        // Walk the received stream against the reference: every repeat is a contiguous replay of recent events
        // (the batch in flight at a kill), at most one replay per kill, none longer than a batch.
        var position = expected.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var next = 0;
        var replays = 0;
        var replayLength = 0;
        var previous = -1;
        foreach (var id in received)
        {
            var index = position[id];
            if (index == next)
            {
                next++;
                replayLength = 0;
            }
            else
            {
                Assert.True(index < next, $"event {id} arrived before earlier events");
                if (index != previous + 1 || replayLength == 0)
                {
                    replays++;
                    replayLength = 0;
                }

                replayLength++;
                Assert.True(replayLength <= BatchSize, "a replay longer than one batch");
            }

            previous = index;
        }

        Assert.True(replays <= kills, $"{replays} replays for {kills} kills");
    }

    [Fact]
    public async Task Outbox_commands_preview_refuse_requeue_while_a_day_drains_and_clear_lets_history_continue()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        // A rate cap and a short duration leave most of the first day pending.
        var stream = await cli.RunAsync("stream", "--duration", "8s", "--max-events-per-second", "100");
        Assert.True(stream.ExitCode == 0, stream.Error);

        var bodies = await cli.RunAsync("outbox", "preview", "--limit", "5", "--bodies");
        Assert.Equal(0, bodies.ExitCode);
        var lines = bodies.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.Equal(10, JsonDocument.Parse(line).RootElement.EnumerateObject().Count()));

        var newest = await cli.RunAsync("outbox", "preview", "--status", "pending", "--order", "newest", "--limit", "3");
        Assert.Equal(0, newest.ExitCode);
        Assert.Contains("3 rows", newest.Output, StringComparison.Ordinal);

        var requeue = await cli.RunAsync("outbox", "requeue-dead");
        Assert.Equal(CliApp.ExitFailed, requeue.ExitCode);
        Assert.Contains("being drained", requeue.SingleErrorLine, StringComparison.Ordinal);

        var refused = await cli.RunAsync("generate", "facts", "--days", "1");
        Assert.Equal(CliApp.ExitFailed, refused.ExitCode);
        Assert.Contains("outbox clear", refused.SingleErrorLine, StringComparison.Ordinal);

        var clear = await cli.RunAsync("outbox", "clear");
        Assert.Equal(0, clear.ExitCode);
        Assert.Matches(@"Cleared [1-9][0-9,]* outbox rows", clear.Output);
        Assert.Contains("0 rows", (await cli.RunAsync("outbox", "dead")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--days", "1")).ExitCode);

        var badLimit = await cli.RunAsync("outbox", "preview", "--limit", "0");
        Assert.Equal(CliApp.ExitUsage, badLimit.ExitCode);
        Assert.Contains("--limit must be between 1 and 1000", badLimit.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_hubs_connection_string_without_entity_path_is_one_settings_error_even_with_verbose()
    {
        using var cli = TinyWorld();
        cli.Environment["RETAILSYNTH__Streaming__Sink"] = "eventhubs";
        cli.Environment["RETAILSYNTH__Streaming__EventHubs__ConnectionString"] = "Endpoint=sb://127.0.0.1:1/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

        var result = await cli.RunProcessAsync("stream", "--days", "1", "--verbose");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("Streaming:EventHubs:EventHubName is required: the connection string has no EntityPath", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DatabasePath));
    }
}
