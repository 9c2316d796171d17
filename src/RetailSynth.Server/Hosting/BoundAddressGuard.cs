using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Checks the addresses Kestrel actually bound, once it has bound them: <c>Server:Urls</c> is not the only way to
/// bind (ASPNETCORE_Kestrel__Endpoints__* and other Kestrel configuration can add any address), so checking the URLs
/// alone could be bypassed. A non-loopback address without <c>Server:ApiKey</c> is refused (the caller stops the
/// server). Until the check has passed, <see cref="ApiKeyMiddleware"/> refuses every route that is not public, so a
/// host that forgets to run it serves nothing.
/// </summary>
internal sealed partial class BoundAddressGuard(IServer server, ServerOptions options, ServerExposure exposure, ILogger<BoundAddressGuard> logger)
{
    /// <exception cref="SettingsException">A non-loopback address is bound and no API key is configured.</exception>
    public void Check()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(address => !BindAddresses.IsLoopback(address)).ToArray();
        if (exposed.Length == 0)
        {
            exposure.Record(BindScope.LoopbackOnly);
            return;
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            throw new SettingsException([$"Server:ApiKey is required: the server is bound to the non-loopback address {string.Join(", ", exposed)}; set it (at least 16 characters, e.g. RETAILSYNTH__Server__ApiKey) or bind 127.0.0.1 only"]);
        }

        exposure.Record(BindScope.Network);
        LogNetworkBind(exposed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening beyond loopback on {Addresses}: every route but the health probes and the static pages requires the API key")]
    private partial void LogNetworkBind(string[] addresses);
}
