namespace RetailSynth.Foundation.Configuration;

/// <summary>The <c>Server</c> section (api.md §5): loopback unless told otherwise; a key for any other bind.</summary>
public sealed class ServerOptions : ISettingsSection
{
    public const string DefaultUrls = "http://127.0.0.1:8000";

    public string Urls { get; set; } = DefaultUrls;

    [Secret]
    public string? ApiKey { get; set; }

    /// <summary>
    /// Host names the server answers to, ';'-separated (ASP.NET Core host filtering, against DNS rebinding); empty means
    /// the loopback names plus every named host of <see cref="Urls"/>.
    /// </summary>
    public string? AllowedHosts { get; set; }

    public void Validate(string prefix, List<string> problems)
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add($"{prefix}:Urls: '{url}' is not an http(s) URL");
            }
        }

        foreach (var host in AllowedHostList(AllowedHosts))
        {
            if (!IsHostPattern(host))
            {
                problems.Add($"{prefix}:AllowedHosts: '{host}' is not a host name, an IP address ([::1] for IPv6), '*.domain' or '*'");
            }
        }

        if (ApiKey is { Length: > 0 and < 16 })
        {
            problems.Add($"{prefix}:ApiKey must be at least 16 characters");
        }
    }

    /// <summary>The effective host filter: <see cref="AllowedHosts"/>, or the loopback names plus the hosts named in <see cref="Urls"/>.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts()
    {
        var configured = AllowedHostList(AllowedHosts);
        if (configured.Count > 0)
        {
            return configured;
        }

        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Wildcard binds (0.0.0.0, [::], *, +) name no host a client would use: those need AllowedHosts.
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsHostPattern(uri.Host) && uri.Host is not ("0.0.0.0" or "[::]")
                && !hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(uri.Host);
            }
        }

        return hosts;
    }

    private static List<string> AllowedHostList(string? hosts) =>
        [.. (hosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool IsHostPattern(string host)
    {
        if (host == "*")
        {
            return true;
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            return Uri.CheckHostName(name[1..^1]) == UriHostNameType.IPv6;
        }

        return Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }
}
