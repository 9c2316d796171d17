using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>
/// A second tiny Kestrel on another 127.0.0.1 port: another origin (same host, other port) serving one HTML page at
/// <c>/</c>, as a web page the user happens to visit while the server runs.
/// </summary>
public sealed class OtherOriginSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtherOriginSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<OtherOriginSite> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new OtherOriginSite(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
