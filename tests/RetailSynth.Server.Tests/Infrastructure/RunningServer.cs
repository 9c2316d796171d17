using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server.Hosting;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 with a random port, over a fresh DuckDB file of the reduced world, a fake
/// streaming service (or the real one, streaming to the file sink in the folder) and captured logs. Dispose stops it (cancelling tasks) and deletes the folder.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private RunningServer(TempFolder folder, WebApplication app, Uri address, CapturedLogs logs, FakeStreamingService streaming, string databasePath)
    {
        _folder = folder;
        _app = app;
        Address = address;
        Logs = logs;
        Streaming = streaming;
        DatabasePath = databasePath;
        // A loaded 2-core machine can take over a second to answer "Expect: 100-continue" with 413: wait for the
        // answer instead of sending the body after the default second, which the server then cuts off mid-upload.
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        Client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public FakeStreamingService Streaming { get; }

    public string DatabasePath { get; }

    public string Folder => _folder.Path;

    /// <summary>The app's container: its endpoint list, writer gate and task registry.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(
        string urls = "http://127.0.0.1:0",
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        int stores = 5,
        bool realStreaming = false,
        Action<RetailSynthSettings>? prepare = null)
    {
        var folder = new TempFolder();
        try
        {
            var settings = Settings(folder, urls, environment, overrides, stores);
            prepare?.Invoke(settings); // e.g. a dataset the server must find when it starts
            var logs = new CapturedLogs();
            var streaming = new FakeStreamingService();
            var app = RetailSynthServer.Build(new ServerHostOptions(settings, ReducedWorld.Dictionaries)
            {
                WorkingDirectory = folder.Path,
                Environment = environment ?? new Dictionary<string, string?>(),
                ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs),
                ConfigureServices = services =>
                {
                    if (!realStreaming)
                    {
                        services.AddSingleton<IStreamingService>(streaming);
                    }
                },
            });
            await RetailSynthServer.StartAsync(app, CancellationToken.None);
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var address = new UriBuilder(bound) { Host = "127.0.0.1" }.Uri;
            return new RunningServer(folder, app, address, logs, streaming, settings.Storage.DatabasePath);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public static RetailSynthSettings Settings(
        TempFolder folder, string urls, IReadOnlyDictionary<string, string?>? environment, IReadOnlyDictionary<string, string?>? overrides, int stores = 5)
    {
        var values = ReducedWorld.Simulation(stores: stores).ToDictionary(kv => $"Simulation:{kv.Key}", kv => kv.Value);
        values["Storage:DatabasePath"] = folder.File("retail.duckdb");
        values["Server:Urls"] = urls;
        values["Streaming:File:Directory"] = folder.File("events");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return SettingsLoader.Load(
            new SettingsSources { WorkingDirectory = folder.Path, Environment = environment ?? new Dictionary<string, string?>(), Overrides = values },
            ReducedWorld.Dictionaries.Limits);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        Client.PostAsync(new Uri(path, UriKind.Relative), JsonContent.Create(body, options: Json));

    public Task<HttpResponseMessage> PostRawAsync(string path, string body) =>
        Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>A body-less request to a mutating route, declared as JSON as the server requires of every change (415 otherwise).</summary>
    public Task<HttpResponseMessage> SendEmptyJsonAsync(HttpMethod method, string path) =>
        Client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = EmptyJson() });

    public static HttpContent EmptyJson() => new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } };

    /// <summary>Polls a task until it leaves running; returns its last snapshot.</summary>
    public async Task<JsonElement> WaitForTaskAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var task = await GetJsonAsync($"/api/tasks/{id}");
            if (task.GetProperty("status").GetString() != "running")
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {id} still running: {task}");
            await Task.Delay(100);
        }
    }

    /// <summary>Starts a task through the API, expecting 202, and waits for it to succeed.</summary>
    public async Task<JsonElement> RunTaskAsync(string path, object body)
    {
        using var response = await PostJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST {path}: {(int)response.StatusCode} {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        var task = await WaitForTaskAsync(id);
        Assert.True(task.GetProperty("status").GetString() == "succeeded", task.ToString());
        return task;
    }

    public async Task<long> RowsAsync(string table)
    {
        var tables = await GetJsonAsync("/api/tables");
        return tables.EnumerateArray().Single(t => t.GetProperty("name").GetString() == table).GetProperty("rows").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
