using System.Net;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>The seed's routes against the real streaming service: start → events reach the file sink → counts move → stop.</summary>
public sealed class StreamEndToEndTests
{
    [Fact]
    public async Task Start_streams_events_to_the_file_sink_outbox_status_moves_and_stop_ends_the_session()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });

        using (var start = await server.PostJsonAsync("/api/stream/start", new { duration_minutes = 5 }))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        long sent;
        do
        {
            await Task.Delay(250);
            sent = (await server.GetJsonAsync("/api/stream/outbox/status")).GetProperty("sent").GetInt64();
            Assert.True(DateTime.UtcNow < deadline, "no event was sent within 90 s");
        }
        while (sent < 1000);

        var status = await server.GetJsonAsync("/api/stream/status");
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.True(status.GetProperty("events_sent").GetInt64() >= 1000);

        using (var conflict = await server.PostJsonAsync("/api/generate/historical", new { days = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        using (var stop = await server.PostJsonAsync("/api/stream/stop", new { }))
        {
            Assert.True(stop.IsSuccessStatusCode, $"stop: {(int)stop.StatusCode}");
        }

        var after = await server.GetJsonAsync("/api/stream/status");
        Assert.False(after.GetProperty("running").GetBoolean());
        var outbox = await server.GetJsonAsync("/api/stream/outbox/status");
        var lines = Directory.GetFiles(Path.Combine(server.Folder, "events"), "*.ndjson").Sum(f => File.ReadLines(f).LongCount());
        Assert.True(lines >= outbox.GetProperty("sent").GetInt64(), $"{lines} lines in the files, {outbox.GetProperty("sent")} acknowledged");
        Assert.Equal(0, outbox.GetProperty("leased").GetInt64());
    }
}
