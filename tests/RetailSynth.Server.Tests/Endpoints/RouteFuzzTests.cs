using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs;
using RetailSynth.Server.Endpoints;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>
/// Random requests on every route the app maps (read from its endpoint list, so new routes are covered): whatever
/// arrives, the answer is never a 5xx, nothing is written and the server's memory stays flat. Memory is measured for the
/// whole process, so this class runs alone.
/// </summary>
[Collection(nameof(RouteFuzzTests))]
[CollectionDefinition(nameof(RouteFuzzTests), DisableParallelization = true)]
public sealed class RouteFuzzTests
{
    private const int MaxRequests = 320;
    private const int Seed = 20261206;

    /// <summary>Garbage must not pile up: what a run of a few hundred requests may leave behind after a full collection.</summary>
    private const long MaxRetainedBytes = 24L * 1024 * 1024;

    private static readonly TimeSpan s_timeBudget = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_route_answers_random_requests_without_a_5xx_writes_nothing_and_keeps_memory_flat()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true);
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
        var tasksBefore = (await server.GetJsonAsync("/api/tasks")).GetArrayLength();
        var rowsBefore = await RowCountsAsync(server);
        var filesBefore = FilesBesideTheDatabase(server.Folder);

        // Random bodies are meant to be garbage, but one may happen to be valid ({} starts dimension generation): held
        // claims make every job-starting route refuse (409) what it would otherwise start, after validating the body.
        var gate = server.Services.GetRequiredService<WriterGate>();
        using var generation = gate.Enter(WriterKind.Historical);
        using var export = gate.Enter(WriterKind.Export);

        var routes = RandomRequests.RoutesOf(server.Services.GetRequiredService<EndpointDataSource>());
        Assert.Contains(routes, r => r.Pattern.RawText == "/api/export");
        Assert.Contains(routes, r => r.Pattern.RawText == "/api/tasks/{id}");
        // Routes that take a body get three turns for each turn of the others.
        var schedule = routes.SelectMany(r => Enumerable.Repeat(r, r.Methods.Contains("POST") ? 3 : 1)).ToList();
        string[] knownValues = [.. TablesApi.Tables.Select(t => t.Name), "parquet", "csv", "accelerated", "max", "realtime", "file", "pending", "dead", "newest", "oldest", "exports", "1", "100"];
        var requests = new RandomRequests(new Random(Seed), knownValues);

        var memoryBefore = LiveHeapBytes();
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var buffer = new byte[16 * 1024];
        var sent = 0;
        for (; sent < MaxRequests && clock.Elapsed < s_timeBudget; sent++)
        {
            using var request = requests.Next(schedule[sent % schedule.Count]);
            var described = $"{request.Method} {Shorten(request.RequestUri!.ToString())} [{request.Content?.Headers.ContentType}, {request.Content?.Headers.ContentLength ?? 0} bytes]";
            try
            {
                // Headers first, then the body drained through one small buffer: buffering whole answers (the API
                // reference's script is megabytes) would fill the process's shared array pools and blur the memory check.
                using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var start = await DrainAsync(response, buffer);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{described} → {(int)response.StatusCode} {start}");
                }
            }
            catch (HttpRequestException ex)
            {
                // The server dropped the connection instead of answering.
                failures.Add($"{described} → {ex.Message} {ex.InnerException?.Message} {ex.InnerException?.InnerException?.Message}");
            }
        }

        clock.Stop();
        var memoryAfter = LiveHeapBytes();

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed (5xx or a dropped connection):\n{string.Join('\n', failures)}");
        Assert.True(sent >= schedule.Count, $"only {sent} requests in {s_timeBudget.TotalSeconds} s: not every route was tried");
        Assert.True(
            memoryAfter - memoryBefore < MaxRetainedBytes,
            $"{(memoryAfter - memoryBefore) / 1024 / 1024} MB more held after {sent} requests ({memoryBefore / 1024 / 1024} → {memoryAfter / 1024 / 1024} MB)");
        Assert.Equal(tasksBefore, (await server.GetJsonAsync("/api/tasks")).GetArrayLength());
        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean());
        Assert.Equal(rowsBefore, await RowCountsAsync(server));
        Assert.Equal(filesBefore, FilesBesideTheDatabase(server.Folder));
    }

    /// <summary>What the heap holds after a full, compacting collection (the large-object heap too, so freed huge bodies leave no gaps that count).</summary>
    private static long LiveHeapBytes()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(RunningServer server) =>
        (await server.GetJsonAsync("/api/tables")).EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt64(), StringComparer.Ordinal);

    /// <summary>Every file and folder the server's working directory holds, but the database's own files.</summary>
    private static List<string> FilesBesideTheDatabase(string folder) =>
    [
        .. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => !path.StartsWith("retail.duckdb", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Reads the whole answer, keeping only its start (for a failure message).</summary>
    private static async Task<string> DrainAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Shorten(System.Text.Encoding.UTF8.GetString(buffer, 0, start));
        while (await body.ReadAsync(buffer) > 0)
        {
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
