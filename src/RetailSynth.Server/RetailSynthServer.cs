using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using RetailSynth.Composition;
using RetailSynth.Connectors;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Endpoints;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tasks;
using RetailSynth.Streaming.Sinks;
using Scalar.AspNetCore;

namespace RetailSynth.Server;

/// <summary>The HTTP API and dashboard (api.md §2–§5): host setup, then one MapXxxApi per group.</summary>
public static class RetailSynthServer
{
    /// <summary>Validates the bind, opens (and from then on owns) the database, and builds the app; start it with <see cref="StartAsync"/>.</summary>
    public static WebApplication Build(ServerHostOptions options)
    {
        var settings = options.Settings;
        var urls = settings.Server.Urls;
        if (!BindAddresses.AllLoopback(urls) && string.IsNullOrEmpty(settings.Server.ApiKey))
        {
            throw new SettingsException([$"Server:Urls binds a non-loopback address ({urls}); set Server:ApiKey (at least 16 characters, e.g. RETAILSYNTH__Server__ApiKey) so that mutating routes require it"]);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. BindAddresses.Split(urls)]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.WebHost.UseKestrelHttpsConfiguration(); // TLS certificates from Kestrel:Endpoints:<name>:Certificate (README, Security)
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddRetailSynthConsole(LogLevel.Information);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<IRefusalWording>(RefusalWording.Instance);
        services.AddRetailSynth(settings, options.Dictionaries);
        services.AddRetailSynthSinks(StandardOutput.Open);
        services.AddSingleton(settings.Server);
        // Opened here so a locked or damaged file fails the start; created through a factory so the container owns it and
        // disposes it when the app stops: DuckDB then checkpoints the WAL into the file and removes its temp folder.
        var database = new ServerDatabase(settings.Storage.DatabasePath, catalog: RetailSynth.Storage.DatasetLayout.IsWholeShardedDataset(settings));
        services.AddSingleton(_ => database);
        services.AddSingleton<StreamingAccessor>();
        services.AddSingleton<RequestBodyLimitMiddleware>();
        services.AddSingleton<ServerExposure>();
        services.AddSingleton<BoundAddressGuard>();
        // The web host's own startup filter runs host filtering first in the pipeline (400 for any other Host: DNS rebinding).
        services.AddHostFiltering(hosts =>
        {
            hosts.AllowedHosts = [.. settings.Server.EffectiveAllowedHosts()];
            hosts.IncludeFailureMessage = false;
        });
        services.AddSingleton<SecurityHeadersMiddleware>();
        services.AddSingleton<SameOriginMiddleware>();
        services.AddSingleton<ApiKeyMiddleware>();
        services.AddSingleton<JsonContentTypeMiddleware>();
        services.AddSingleton<CatalogWriteGuard>();
        services.AddSingleton<TaskRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskRegistry>());

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true); // → ProblemExceptionHandler → 400 naming the field
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthApi.ReadyTag]);
        services.AddOpenApi();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RetailSynthMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        options.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<ServerDatabase>(); // resolved once, so the container tracks and disposes it
        // Browser and network guards first, before routing reads a body: origin (403), key (401), JSON (415).
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<SameOriginMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<JsonContentTypeMiddleware>();
        app.UseMiddleware<CatalogWriteGuard>();

        app.MapHealthApi();
        app.MapStatusApi();
        app.MapGenerateApi();
        app.MapTasksApi();
        app.MapStreamApi();
        app.MapTablesApi();
        app.MapExportApi();
        app.MapReportApi();
        app.MapBusinessApi();
        app.MapSchemaApi();
        app.MapVersionApi();
        app.MapEventTypesApi();
        app.MapDatasetApi();
        app.MapConfigApi();
        app.MapDashboardApi();
        app.MapOpenApi();
        app.MapScalarApiReference(scalar => scalar.DisableDefaultFonts()); // system fonts: no request to a font CDN, none for the CSP to allow
        app.MapPrometheusScrapingEndpoint();
        return app;
    }

    /// <summary>
    /// Starts the app, then checks the addresses Kestrel bound (<see cref="BoundAddressGuard"/>): a non-loopback one
    /// without an API key stops the server again and throws <see cref="SettingsException"/>. Until that check has
    /// passed the server answers only its health probes and static pages.
    /// </summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        try
        {
            app.Services.GetRequiredService<BoundAddressGuard>().Check();
        }
        catch (SettingsException)
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }
    }
}
