using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Foundation.Errors;
using RetailSynth.Server.Hosting;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class BoundAddressGuardTests
{
    [Fact]
    public async Task A_kestrel_listener_beyond_loopback_that_server_urls_does_not_show_stops_the_server_without_a_key()
    {
        using var folder = new TempFolder();
        var settings = Infrastructure.RunningServer.Settings(folder, "http://127.0.0.1:0", null, null);
        await using var app = RetailSynthServer.Build(new ServerHostOptions(settings, ReducedWorld.Dictionaries)
        {
            ConfigureLogging = _ => { },
            // Kestrel configured past Server:Urls, as ASPNETCORE_Kestrel__Endpoints__* or code can: every interface.
            ConfigureServices = services => services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(IPAddress.Any, 0)),
        });

        var error = await Assert.ThrowsAsync<SettingsException>(() => RetailSynthServer.StartAsync(app, CancellationToken.None));

        Assert.Contains("Server:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
        var port = new Uri(app.Urls.Single()).Port;
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }
}
