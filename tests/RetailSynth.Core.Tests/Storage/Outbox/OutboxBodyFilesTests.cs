using System.Text;
using System.Text.Json;
using RetailSynth.Core.Tests.Jobs.Streaming;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Storage.Outbox;

public class OutboxBodyFilesTests
{
    private static readonly DateOnly s_first = new(2024, 1, 1);

    [Fact]
    public async Task A_pending_day_keeps_its_bodies_in_its_day_file_and_a_later_session_sends_exactly_those_bytes()
    {
        await using var harness = new StreamingHarness();
        var files = BodyFiles(harness);
        await LeaveTheFirstDayPending(harness);

        // The committed day's rows reference byte ranges that tile its file exactly, in outbox order.
        var file = await File.ReadAllBytesAsync(files.PathOf(s_first));
        Assert.Equal(file.Length, harness.Scalar("SELECT sum(body_length)::BIGINT FROM streaming_outbox"));
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox WHERE body IS NOT NULL"));
        Assert.Equal(1, harness.Scalar(
            """
            SELECT bool_and(body_offset = coalesce(previous_end, 0))::INT
            FROM (SELECT body_offset, lag(body_offset + body_length) OVER (ORDER BY outbox_id) AS previous_end FROM streaming_outbox)
            """));

        harness.Sink.Down = false;
        await harness.StreamAsync(new StreamRequest(Days: 1));
        var delivered = harness.Sink.Delivered.ToList();
        Assert.Equal(file, delivered.SelectMany(e => e.Body.ToArray()).ToArray());
        foreach (var e in delivered)
        {
            using var body = JsonDocument.Parse(e.Body);
            Assert.Equal(e.TraceId, body.RootElement.GetProperty("trace_id").GetString());
            Assert.Equal(e.EventType, body.RootElement.GetProperty("event_type").GetString());
        }

        // Delivered and purged: the file goes with its rows.
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox"));
        Assert.False(File.Exists(files.PathOf(s_first)));
    }

    [Fact]
    public async Task Each_delivered_day_s_body_file_is_deleted_and_no_file_outlives_its_rows()
    {
        await using var harness = new StreamingHarness();
        var files = BodyFiles(harness);
        var filesSeen = new List<int>();
        harness.Sink.OnBatch = _ => filesSeen.Add(Directory.GetFiles(files.Directory).Length);

        await harness.StreamAsync(new StreamRequest(Days: 3));

        Assert.Equal(3, harness.Sink.Delivered.Select(e => e.SimDay).Distinct().Count());
        Assert.All(filesSeen, count => Assert.InRange(count, 1, 2)); // the day being sent, and the next one being written
        Assert.Empty(Directory.GetFiles(files.Directory));
    }

    [Fact]
    public async Task A_missing_body_file_ends_the_session_with_a_message_naming_the_file_and_clear_recovers()
    {
        await using var harness = new StreamingHarness();
        var files = BodyFiles(harness);
        await LeaveTheFirstDayPending(harness);
        File.Delete(files.PathOf(s_first));

        harness.Sink.Down = false;
        harness.Service.Start(new StreamRequest(Days: 1));
        await harness.Service.WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        Assert.Contains(files.PathOf(s_first), harness.Service.LastError);
        Assert.Contains("Clear the outbox to drop them", harness.Service.LastError); // in the core's words; the CLI names `retailsynth outbox clear`
        Assert.Empty(harness.Sink.Delivered);

        Assert.True(harness.Service.Clear() > 0);
        await harness.StreamAsync(new StreamRequest(Days: 1));
        Assert.All(harness.Sink.Delivered, e => Assert.Equal(s_first.AddDays(1), e.SimDay));
    }

    [Fact]
    public async Task A_row_written_before_body_files_existed_is_sent_with_the_body_it_stored()
    {
        await using var harness = new StreamingHarness(historyDays: 1);
        const string legacy = """{"event_type":"receipt_created","legacy":true}""";
        harness.Scalar(
            $"""
            INSERT INTO streaming_outbox (outbox_id, event_id, event_ts, sim_day, event_type, partition_key, body, status, attempts)
            VALUES (5, '00000000-0000-5000-8000-000000000005', TIMESTAMP '2024-01-01 10:00:00', DATE '2024-01-01',
                    'receipt_created', 'store_1', '{legacy}', 'pending', 0)
            """);

        await harness.StreamAsync(new StreamRequest(Days: 1));

        var sent = Assert.Single(harness.Sink.Delivered);
        Assert.Equal(legacy, Encoding.UTF8.GetString(sent.Body.Span));
        Assert.Equal("00000000-0000-5000-8000-000000000005", sent.TraceId);
    }

    [Fact]
    public async Task Regenerating_dimensions_with_force_deletes_the_body_files_with_the_outbox()
    {
        await using var harness = new StreamingHarness();
        var files = BodyFiles(harness);
        await LeaveTheFirstDayPending(harness);
        Assert.True(File.Exists(files.PathOf(s_first)));

        new RetailSynth.Jobs.DimensionJob(harness.Settings, RetailSynth.Tests.ReducedWorld.Dictionaries, Microsoft.Extensions.Logging.Abstractions.NullLogger<RetailSynth.Jobs.DimensionJob>.Instance)
            .Run(force: true, _ => { }, CancellationToken.None);

        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox"));
        Assert.False(Directory.Exists(files.Directory));
    }

    [Fact]
    public void Unreferenced_files_of_committed_days_are_deleted_and_later_days_are_left_to_the_writer()
    {
        using var folder = new RetailSynth.Tests.TempFolder();
        var files = new OutboxBodyFiles(folder.Path);
        foreach (var day in new[] { s_first, s_first.AddDays(1), s_first.AddDays(2), s_first.AddDays(3) })
        {
            using var writer = files.StartDay(day);
            writer.Append("{}"u8);
            writer.Complete();
        }

        var deleted = files.DeleteUnreferenced(committedThrough: s_first.AddDays(2), referenced: new HashSet<DateOnly> { s_first.AddDays(1) });

        Assert.Equal(2, deleted);
        Assert.False(File.Exists(files.PathOf(s_first)));
        Assert.True(File.Exists(files.PathOf(s_first.AddDays(1))));
        Assert.False(File.Exists(files.PathOf(s_first.AddDays(2))));
        Assert.True(File.Exists(files.PathOf(s_first.AddDays(3))));
        Assert.Equal(0, files.DeleteUnreferenced(committedThrough: null, referenced: new HashSet<DateOnly>()));
    }

    private static OutboxBodyFiles BodyFiles(StreamingHarness harness) =>
        OutboxBodyFiles.ForDatabase(Path.GetFullPath(harness.Settings.Storage.DatabasePath));

    /// <summary>A session whose sink is down commits the first day, fails to send it and is stopped.</summary>
    private static async Task LeaveTheFirstDayPending(StreamingHarness harness)
    {
        harness.Sink.Down = true;
        harness.Service.Start(new StreamRequest());
        await WaitUntil(() => harness.Sink.Attempts > 0);
        await harness.Service.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out");
    }
}
