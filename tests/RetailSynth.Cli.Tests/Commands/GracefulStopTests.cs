using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>
/// After a graceful stop (SIGTERM or SIGINT to the real executable) the database file alone holds every committed day:
/// the WAL is folded in and DuckDB's temp folder is gone, so copying just <c>retail.duckdb</c> copies the data.
/// </summary>
public partial class GracefulStopTests
{
    private static CliRunner TinyWorld()
    {
        var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, "2024-03-01", stores: 2, extra: new Dictionary<string, string?> { ["CustomersPerStoreDay"] = "20" });
        return cli;
    }

    internal static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Copies only the database file, as a user backing it up would, and reads the copy's watermark.</summary>
    private static DateOnly? WatermarkOfACopyOfTheFileAlone(CliRunner cli, out long receiptsOnThatDay)
    {
        Assert.False(File.Exists(cli.DatabasePath + ".wal"), "the WAL stayed behind");
        Assert.False(Directory.Exists(cli.DatabasePath + ".tmp"), "DuckDB's temp folder stayed behind");
        var copy = cli.File("copy/retail.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(cli.DatabasePath, copy);
        using var database = RetailDatabase.Open(copy);
        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT last_committed_day FROM sim_state";
        var watermark = command.ExecuteScalar() as DateOnly?;
        receiptsOnThatDay = watermark is { } day
            ? database.Scalar($"SELECT count(*) FROM fact_receipts WHERE CAST(event_ts AS DATE) = DATE '{day:yyyy-MM-dd}'")
            : 0;
        return watermark;
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Stream_stopped_by_a_signal_leaves_every_committed_day_in_the_database_file_alone_and_no_uncommitted_body_file(string signal)
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunProcessAsync("generate", "dimensions")).ExitCode);

        using var process = cli.StartProcess("stream", "--pacing", "max");
        _ = process.StandardOutput.ReadToEndAsync();
        var error = new StringBuilder();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.StartsWith("day ", StringComparison.Ordinal))
        {
            error.AppendLine(line);
        }

        Assert.True(line is not null, error.ToString()); // a status line: days are being committed
        await SignalAsync(process, signal);
        error.Append(await process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();

        Assert.Equal(CliApp.ExitCancelled, process.ExitCode);
        var ended = StreamEnded().Match(error.ToString());
        Assert.True(ended.Success, error.ToString());
        var lastCommitted = DateOnly.ParseExact(ended.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(lastCommitted, WatermarkOfACopyOfTheFileAlone(cli, out var receipts));
        Assert.True(receipts > 0);

        // The day after the watermark was being simulated and was rolled back: its body file goes with it.
        var bodies = Directory.Exists(cli.DatabasePath + ".bodies") ? Directory.GetFiles(cli.DatabasePath + ".bodies") : [];
        Assert.DoesNotContain(bodies, f => DateOnly.ParseExact(Path.GetFileNameWithoutExtension(f), "yyyy-MM-dd", CultureInfo.InvariantCulture) > lastCommitted);
    }

    [Fact]
    public async Task Serve_stopped_by_sigterm_leaves_the_days_it_generated_in_the_database_file_alone()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunProcessAsync("generate", "dimensions")).ExitCode);
        var port = FreePort();

        using var process = cli.StartProcess("serve", "--urls", $"http://127.0.0.1:{port}");
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilAsync(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK, process);

        using var generate = await client.PostAsync(
            new Uri("/api/generate/historical", UriKind.Relative), new StringContent("""{"days":3}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, generate.StatusCode);
        await WaitUntilAsync(
            async () => (await client.GetStringAsync(new Uri("/api/status", UriKind.Relative))).Contains("\"2024-03-03\"", StringComparison.Ordinal), process);

        await SignalAsync(process, "TERM");
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        Assert.Equal(new DateOnly(2024, 3, 3), WatermarkOfACopyOfTheFileAlone(cli, out var receipts));
        Assert.True(receipts > 0);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(process.HasExited, "the server exited early");
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("timed out");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Stream ended: .* last committed day (\d{4}-\d{2}-\d{2})\.")]
    private static partial Regex StreamEnded();
}
