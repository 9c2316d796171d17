using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Streaming.Relay;

namespace RetailSynth.Core.Tests.Jobs.Streaming;

public sealed class StreamSessionTests
{
    [Fact]
    public async Task Streaming_commits_the_next_day_only_after_the_previous_day_is_fully_acknowledged()
    {
        await using var harness = new StreamingHarness(historyDays: 1);
        var violations = new List<string>();
        harness.Sink.OnBatch = batch =>
        {
            // While day D drains, nothing after D may be committed, and the outbox holds D alone.
            var watermark = harness.Watermark();
            var day = batch[^1].SimDay;
            if (watermark > day)
            {
                violations.Add($"day {watermark} committed while {day} was still being sent");
            }

            var pendingDays = harness.Scalar("SELECT count(DISTINCT sim_day) FROM streaming_outbox o, streaming_relay r WHERE o.status = 'pending' AND o.outbox_id > r.acked_through");
            if (pendingDays > 1)
            {
                violations.Add($"{pendingDays} days pending at once");
            }
        };

        await harness.StreamAsync(new StreamRequest(Days: 2));

        Assert.Empty(violations);
        Assert.Equal(new DateOnly(2024, 1, 3), harness.Watermark());
        var days = harness.Sink.Delivered.Select(e => e.SimDay).Distinct().ToList();
        Assert.Equal([new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3)], days);
    }

    [Fact]
    public async Task Sink_receives_events_oldest_first_across_day_boundaries()
    {
        await using var harness = new StreamingHarness();

        await harness.StreamAsync(new StreamRequest(Days: 2));

        var events = harness.Sink.Delivered.ToList();
        Assert.NotEmpty(events);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].OutboxId > events[i - 1].OutboxId, $"outbox_id {events[i].OutboxId} after {events[i - 1].OutboxId}");
            Assert.True(events[i].EventTs >= events[i - 1].EventTs, $"event {events[i].TraceId} at {events[i].EventTs:O} after {events[i - 1].EventTs:O}");
        }

        Assert.Equal(events.Count, events.Select(e => e.TraceId).Distinct().Count());
    }

    [Fact]
    public async Task Every_feeding_row_of_a_streamed_day_became_exactly_one_delivered_event()
    {
        await using var harness = new StreamingHarness();

        await harness.StreamAsync(new StreamRequest(Days: 1));

        var delivered = harness.Sink.Delivered.GroupBy(e => e.EventType).ToDictionary(g => g.Key, g => (long)g.Count());
        var feeding = new Dictionary<string, string>
        {
            ["receipt_created"] = "SELECT count(*) FROM fact_receipts",
            ["receipt_line_added"] = "SELECT count(*) FROM fact_receipt_lines",
            ["payment_processed"] = "SELECT count(*) FROM fact_payments",
            ["inventory_updated"] = "SELECT (SELECT count(*) FROM fact_store_inventory_txn) + (SELECT count(*) FROM fact_dc_inventory_txn)",
            ["stockout_detected"] = "SELECT count(*) FROM fact_stockouts",
            ["reorder_triggered"] = "SELECT count(*) FROM fact_reorders",
            ["customer_entered"] = "SELECT count(*) FROM fact_foot_traffic",
            ["customer_zone_changed"] = "SELECT count(*) FROM fact_customer_zone_changes",
            ["ble_ping_detected"] = "SELECT count(*) FROM fact_ble_pings",
            ["truck_arrived"] = "SELECT count(*) FROM fact_truck_moves WHERE status = 'ARRIVED'",
            ["truck_departed"] = "SELECT count(*) FROM fact_truck_moves WHERE status = 'COMPLETED'",
            ["store_opened"] = "SELECT count(*) FROM fact_store_ops WHERE operation_type = 'OPENED'",
            ["store_closed"] = "SELECT count(*) FROM fact_store_ops WHERE operation_type = 'CLOSED'",
            ["ad_impression"] = "SELECT count(*) FROM fact_marketing",
            ["promotion_applied"] = "SELECT count(*) FROM fact_promotions",
            ["online_order_created"] = "SELECT count(*) FROM fact_online_order_headers",
            ["online_order_picked"] = "SELECT count(*) FROM fact_online_order_status WHERE status = 'PICKED'",
            ["online_order_shipped"] = "SELECT count(*) FROM fact_online_order_status WHERE status = 'SHIPPED'",
        };

        foreach (var (type, sql) in feeding)
        {
            Assert.Equal(harness.Scalar(sql), delivered.GetValueOrDefault(type));
        }

        Assert.Equal(delivered.Values.Sum(), harness.Scalar("SELECT sum(sent)::BIGINT FROM streaming_sent_stats"));
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox WHERE status <> 'dead'") - harness.Scalar("SELECT count(*) FROM streaming_outbox o, streaming_relay r WHERE o.outbox_id <= r.acked_through"));
    }

    [Fact]
    public async Task While_the_sink_is_down_the_outbox_holds_one_day_and_no_new_day_is_committed()
    {
        await using var harness = new StreamingHarness();
        harness.Sink.Down = true;
        var breakerOpened = false;

        harness.Service.Start(new StreamRequest());
        // Probe every 100 ms for at least 2 s, until the breaker has opened and the relay has retried through it (≤ 30 s).
        for (var i = 0; i < 300 && !(i >= 20 && breakerOpened && harness.Sink.Attempts > 4); i++)
        {
            await Task.Delay(100);
            var status = harness.Service.GetOutboxStatus();
            breakerOpened |= status.Sink.Breaker == BreakerState.Open;
            Assert.True(status.BacklogDays <= 1, $"{status.BacklogDays} days pending");
            Assert.True(harness.Watermark() is null or { Day: 1 }, $"watermark {harness.Watermark()}");
            // One day in memory at most: day 2 may be simulated and wait for its release, day 3 is never begun.
            Assert.False(File.Exists(BodyFileOf(harness, new DateOnly(2024, 1, 3))), "day 3 was begun while day 2 waited");
        }

        await harness.Service.StopAsync(CancellationToken.None);
        Assert.True(breakerOpened, "the breaker never opened");
        Assert.True(harness.Sink.Attempts > 4, $"only {harness.Sink.Attempts} attempts: the relay must keep retrying through the breaker");
        Assert.Empty(harness.Sink.Delivered);
        var pending = harness.Scalar("SELECT count(*) FROM streaming_outbox");
        Assert.True(pending > 0);
        Assert.Equal(1, harness.Scalar("SELECT count(DISTINCT sim_day) FROM streaming_outbox"));
        Assert.True(harness.Scalar("SELECT max(attempts) FROM streaming_outbox") > 0, "failed attempts are not recorded");

        // The sink recovers: the same day goes out whole, then streaming moves on.
        harness.Sink.Down = false;
        await harness.StreamAsync(new StreamRequest(Days: 2));
        var delivered = harness.Sink.Delivered.ToList();
        Assert.Equal(pending, delivered.Count(e => e.SimDay == new DateOnly(2024, 1, 1)));
        Assert.Equal(new DateOnly(2024, 1, 2), delivered[^1].SimDay);
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox"));
    }

    [Fact]
    public async Task A_permanently_rejected_event_is_dead_lettered_the_rest_flow_and_requeue_sends_it_before_the_next_day()
    {
        await using var harness = new StreamingHarness();
        string? poison = null;
        harness.Sink.Rejects = e => e.EventType == "store_opened" && (poison ??= e.TraceId) == e.TraceId;

        await harness.StreamAsync(new StreamRequest(Days: 1));

        var dead = harness.Service.DeadLetters(10);
        var row = Assert.Single(dead);
        Assert.Equal(poison, row.EventId);
        Assert.Contains("too large", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Sink.Delivered, e => e.TraceId == poison);
        var deliveredBefore = harness.Sink.Delivered.Count;
        Assert.True(deliveredBefore > 100);

        Assert.Equal(1, harness.Service.RequeueDead());
        harness.Sink.Rejects = _ => false;
        await harness.StreamAsync(new StreamRequest(Days: 2)); // the requeued event's day counts as one

        var after = harness.Sink.Delivered.Skip(deliveredBefore).ToList();
        Assert.Equal(poison, after[0].TraceId);
        Assert.Equal(new DateOnly(2024, 1, 2), after[1].SimDay);
        Assert.Empty(harness.Service.DeadLetters(10));
    }

    [Fact]
    public async Task Requeued_events_with_purged_events_between_them_leave_with_their_own_bodies()
    {
        await using var harness = new StreamingHarness();
        var poisons = new List<string>(); // the day's first store opening, and the event the sink sees 100 events later
        var seen = new HashSet<string>();
        var firstAt = -1;
        harness.Sink.Rejects = e =>
        {
            if (seen.Add(e.TraceId))
            {
                if (poisons.Count == 0 && e.EventType == "store_opened")
                {
                    poisons.Add(e.TraceId);
                    firstAt = seen.Count;
                }
                else if (poisons.Count == 1 && seen.Count == firstAt + 100)
                {
                    poisons.Add(e.TraceId);
                }
            }

            return poisons.Contains(e.TraceId);
        };

        await harness.StreamAsync(new StreamRequest(Days: 1));
        Assert.Equal(2, harness.Service.DeadLetters(10).Count);
        var deliveredBefore = harness.Sink.Delivered.Count;

        // The events between the two dead ones were sent and purged: the next lease's byte range spans their bodies.
        Assert.Equal(2, harness.Service.RequeueDead());
        harness.Sink.Rejects = _ => false;
        await harness.StreamAsync(new StreamRequest(Days: 1));

        var resent = harness.Sink.Delivered.Skip(deliveredBefore).Take(2).ToList();
        Assert.Equal(poisons, resent.Select(e => e.TraceId));
        foreach (var e in resent)
        {
            using var body = System.Text.Json.JsonDocument.Parse(e.Body);
            Assert.Equal(e.TraceId, body.RootElement.GetProperty("trace_id").GetString());
        }
    }

    [Fact]
    public async Task Streaming_into_a_new_database_generates_its_dimensions_first()
    {
        using var folder = new RetailSynth.Tests.TempFolder();
        var settings = RetailSynth.Tests.ReducedWorld.Settings(folder.File("new.duckdb"));
        var sink = new ScriptedSink();
        await using var service = new StreamingService(
            settings, RetailSynth.Tests.ReducedWorld.Dictionaries, new RetailSynth.Jobs.WriterGate(), sink, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<StreamingService>.Instance);

        service.Start(new StreamRequest(Days: 1));
        await service.WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Null(service.LastError);
        Assert.NotEmpty(sink.Delivered);
        Assert.All(sink.Delivered, e => Assert.Equal(settings.Simulation.StartDate, e.SimDay));
        using var database = RetailSynth.Storage.RetailDatabase.Open(settings.Storage.DatabasePath);
        Assert.True(database.Scalar("SELECT count(*) FROM dim_stores") > 0);
    }

    [Fact]
    public async Task A_failed_day_write_ends_the_session_with_its_error_instead_of_hanging()
    {
        await using var harness = new StreamingHarness();
        harness.Scalar("ALTER TABLE streaming_outbox ALTER body_length TYPE VARCHAR"); // every outbox append now fails

        harness.Service.Start(new StreamRequest(Days: 1));
        await harness.Service.WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);

        Assert.Contains("streaming_outbox", harness.Service.LastError);
        Assert.Null(harness.Watermark());
        Assert.Empty(harness.Sink.Delivered);
    }

    [Fact]
    public async Task Historical_generation_is_refused_while_events_are_pending_and_never_writes_the_outbox()
    {
        await using var harness = new StreamingHarness(historyDays: 2);
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox"));

        harness.Sink.Down = true;
        harness.Service.Start(new StreamRequest());
        for (var i = 0; i < 600 && harness.Sink.Attempts == 0; i++)
        {
            await Task.Delay(50); // until a day is committed and its first send has failed
        }

        await harness.Service.StopAsync(CancellationToken.None);
        Assert.True(harness.Scalar("SELECT count(*) FROM streaming_outbox") > 0);

        var job = new FactGenerationJob(harness.Settings, RetailSynth.Tests.ReducedWorld.Dictionaries, Microsoft.Extensions.Logging.Abstractions.NullLogger<FactGenerationJob>.Instance);
        var refused = Assert.Throws<RefusedException>(() => job.Run(new FactGenerationJob.Range(1, null), _ => { }, CancellationToken.None));
        Assert.Contains("clear the outbox", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.OutboxPending, refused.Reason);
    }

    [Fact]
    public async Task A_second_session_or_a_generation_is_refused_while_one_streams()
    {
        await using var harness = new StreamingHarness();
        harness.Sink.Down = true;
        harness.Service.Start(new StreamRequest());

        Assert.Throws<RefusedException>(() => harness.Service.Start(new StreamRequest()));
        Assert.Throws<RefusedException>(() => harness.Gate.Enter(WriterKind.Historical));
        Assert.Throws<RefusedException>(() => harness.Service.Clear());

        await harness.Service.StopAsync(CancellationToken.None);
        using (harness.Gate.Enter(WriterKind.Historical))
        {
            Assert.Throws<RefusedException>(() => harness.Service.Start(new StreamRequest()));
        }
    }

    [Theory]
    [InlineData(-1, null, null, null, "duration")]
    [InlineData(null, 0, null, null, "days")]
    [InlineData(null, null, 30.0, null, "speed")]
    [InlineData(null, null, null, 0, "MaxEventsPerSecond")]
    public async Task Bad_stream_requests_are_refused_with_the_field_named_and_nothing_written(int? minutes, int? days, double? speed, int? rate, string field)
    {
        await using var harness = new StreamingHarness();

        var error = Assert.Throws<SettingsException>(() => harness.Service.Start(
            new StreamRequest(minutes is null ? null : TimeSpan.FromMinutes(minutes.Value), days, Speed: speed, MaxEventsPerSecond: rate)));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.False(harness.Service.Status.Running);
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM streaming_outbox"));
        Assert.Null(harness.Watermark());
    }

    private static string BodyFileOf(StreamingHarness harness, DateOnly day) =>
        RetailSynth.Storage.Outbox.OutboxBodyFiles.ForDatabase(Path.GetFullPath(harness.Settings.Storage.DatabasePath)).PathOf(day);
}
