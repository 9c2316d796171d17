using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Streaming;

/// <summary>A reduced world with dimensions (and optionally some history) in a temp database, streamed to a <see cref="ScriptedSink"/>.</summary>
public sealed class StreamingHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    public StreamingHarness(int historyDays = 0, int stores = 3)
    {
        Settings = ReducedWorld.Settings(
            Path.Combine(_folder.Path, "retail.duckdb"),
            stores: stores,
            other: new Dictionary<string, string?>
            {
                ["Streaming:RetryInitialDelay"] = "0.02s",
                ["Streaming:RetryMaxDelay"] = "0.1s",
                ["Streaming:BreakerBreakDuration"] = "0.5s",
                ["Streaming:BatchSize"] = "2000",
            });
        new DimensionJob(Settings, ReducedWorld.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        if (historyDays > 0)
        {
            new FactGenerationJob(Settings, ReducedWorld.Dictionaries, NullLogger<FactGenerationJob>.Instance)
                .Run(new FactGenerationJob.Range(historyDays, null), _ => { }, CancellationToken.None);
        }

        Service = new StreamingService(Settings, ReducedWorld.Dictionaries, Gate, Sink, TimeProvider.System, NullLogger<StreamingService>.Instance);
    }

    public RetailSynthSettings Settings { get; }

    public WriterGate Gate { get; } = new();

    public ScriptedSink Sink { get; } = new();

    public StreamingService Service { get; }

    public long Scalar(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={Settings.Storage.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public DateOnly? Watermark()
    {
        using var connection = new DuckDBConnection($"Data Source={Settings.Storage.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_committed_day FROM sim_state";
        return command.ExecuteScalar() as DateOnly?;
    }

    public async Task StreamAsync(StreamRequest request)
    {
        Service.Start(request);
        await Service.WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.Null(Service.LastError);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        _folder.Dispose();
    }
}
