using System.Text;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Streaming.Sinks;

public sealed class FileSinkTests
{
    private static OutboundEvent Event(long id, DateOnly day, string body) =>
        new(id, new Guid((int)id, 0, 0, new byte[8]), day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), day, "store_opened", "store_1", null, Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Writes_one_ndjson_file_per_simulated_day()
    {
        using var folder = new TempFolder();
        await using var sink = new FileSink(folder.Path);
        var first = new DateOnly(2024, 1, 1);

        var report = await sink.SendAsync([Event(1, first, "{\"a\":1}"), Event(2, first, "{\"a\":2}"), Event(3, first.AddDays(1), "{\"a\":3}")], CancellationToken.None);

        Assert.Equal(3, report.CountOf(DeliveryState.Delivered));
        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", await File.ReadAllTextAsync(folder.File(FileSink.FileName(first))));
        Assert.Equal("{\"a\":3}\n", await File.ReadAllTextAsync(folder.File(FileSink.FileName(first.AddDays(1)))));
    }

    [Fact]
    public async Task A_torn_last_line_left_by_a_kill_is_cut_before_appending()
    {
        using var folder = new TempFolder();
        var day = new DateOnly(2024, 1, 1);
        await File.WriteAllTextAsync(folder.File(FileSink.FileName(day)), "{\"a\":1}\n{\"a\":2}\n{\"a\"");
        await using var sink = new FileSink(folder.Path);

        await sink.SendAsync([Event(3, day, "{\"a\":3}")], CancellationToken.None);

        Assert.Equal("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", await File.ReadAllTextAsync(folder.File(FileSink.FileName(day))));
    }

    [Fact]
    public async Task An_unwritable_folder_is_a_transient_sink_failure_not_a_rejection()
    {
        using var folder = new TempFolder();
        var blocker = folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        await using var sink = new FileSink(Path.Combine(blocker, "events"));

        var report = await sink.SendAsync([Event(1, new DateOnly(2024, 1, 1), "{}")], CancellationToken.None);

        Assert.NotNull(report.Failure);
        Assert.Equal(SinkFailureKind.Transient, report.Failure.Kind);
        Assert.Equal(0, report.CountOf(DeliveryState.Rejected));
    }
}
