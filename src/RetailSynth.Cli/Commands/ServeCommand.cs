using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server;
using RetailSynth.Server.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth serve</c>: the HTTP API and dashboard, owning the database file until Ctrl-C.</summary>
public sealed class ServeCommand(CommandRuntime runtime) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, ';'-separated (default: http://127.0.0.1:8000). Any non-loopback address requires Server:ApiKey.")]
        public string? Urls { get; init; }

        [CommandOption("--stream")]
        [Description("Start a stream session with the configured sink and pacing (Streaming:*) as soon as the server listens, as POST /api/stream/start does: the server's /health then probes a streaming process (a Kubernetes pod).")]
        public bool Stream { get; init; }

        [CommandOption(RegionOption.Template)]
        [Description(RegionOption.Description + " The server then reads and writes that region alone (a streaming pod); without it, a dataset of several regions is served read-only through its catalog.")]
        public string? Region { get; init; }

        public override ValidationResult Validate() => RegionOption.Refuse(Region) ?? ValidationResult.Success();

        public override IReadOnlyDictionary<string, string?> ConfigurationOverrides() =>
            WithOverrides(base.ConfigurationOverrides(), ("Server:Urls", Urls));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = RegionOption.Apply(runtime.LoadSettings(settings), settings.Region);
        await using var app = RetailSynthServer.Build(new ServerHostOptions(options, runtime.Dictionaries)
        {
            WorkingDirectory = runtime.Environment.WorkingDirectory,
            ConfigFile = runtime.ConfigFilePath(settings),
            Environment = runtime.Environment.Variables,
            ConfigureLogging = logging => logging
                .AddRetailSynthConsole(settings.Verbose ? LogLevel.Debug : LogLevel.Information) // logs on stderr, like every command
                .AddFilter("Microsoft.AspNetCore", settings.Verbose ? LogLevel.Information : LogLevel.Warning),
        });
        await RetailSynthServer.StartAsync(app, cancellationToken);
        foreach (var url in app.Urls)
        {
            runtime.Environment.Error.WriteLine($"RetailSynth is serving {options.Storage.DatabasePath} at {url}/ (API reference: {url}/scalar, Ctrl-C stops)");
        }

        var shutdown = app.WaitForShutdownAsync(cancellationToken);
        if (settings.Stream)
        {
            // The session's own settings are checked by Start; a refusal ends the command with one line, as `stream` does.
            var streaming = app.Services.GetRequiredService<IStreamingService>();
            var started = streaming.Start(new StreamRequest());
            runtime.Environment.Error.WriteLine($"Streaming to {started.Sink} with {started.Pacing.ToString().ToLowerInvariant()} pacing; POST /api/stream/stop stops the session, Ctrl-C the server.");

            // A streaming process whose session failed must not stay up looking healthy: it ends with the error, so its
            // orchestrator (a Kubernetes pod's restart policy) starts it again and it resumes from its last committed day.
            // A session stopped on purpose (POST /api/stream/stop) leaves the server serving.
            var session = streaming.WaitAsync(cancellationToken);
            if (await Task.WhenAny(session, shutdown) == session && !cancellationToken.IsCancellationRequested && streaming.LastError is { } error)
            {
                await app.StopAsync(CancellationToken.None);
                throw new RetailSynthException($"The stream session failed: {error}");
            }
        }

        await shutdown;
        return CliApp.ExitOk;
    }
}
