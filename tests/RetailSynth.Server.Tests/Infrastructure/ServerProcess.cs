using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>
/// <c>retailsynth serve</c> as a real child process on 127.0.0.1 in a given folder and with given environment variables
/// (for what reads the process environment, such as DefaultAzureCredential); killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error;

    private ServerProcess(Process process, StringBuilder error, Uri address)
    {
        _process = process;
        _error = error;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public static async Task<ServerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "retailsynth.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var error = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("retailsynth serve did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, error, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        Client.PostAsync(new Uri(path, UriKind.Relative), JsonContent.Create(body, options: RunningServer.Json));

    /// <summary>Waits until no task is running; returns the tasks' last snapshots.</summary>
    public async Task<JsonElement> WaitForTasksAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var tasks = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement.Clone();
            if (tasks.EnumerateArray().All(t => t.GetProperty("status").GetString() != "running"))
            {
                return tasks;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"tasks still running: {tasks}");
            await Task.Delay(100);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"retailsynth serve exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Error()}");
            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"retailsynth serve was not ready within 60 s: {Error()}");
    }

    private string Error()
    {
        lock (_error)
        {
            return _error.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
