namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// One entry of <c>Upload:AllowedTargets</c>: a host (<c>host</c> or <c>host:port</c>, any scheme) or a URL prefix
/// (<c>scheme://host[:port]/path</c>, matched on whole path segments). It names an endpoint besides Azure Storage and
/// OneLake that the operator trusts with credentials and that API requests may name (Azurite, a private endpoint).
/// </summary>
public sealed class AllowedUploadTarget
{
    private AllowedUploadTarget(string? scheme, string host, int? port, string path, string text)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
        Text = text;
    }

    /// <summary>http or https for a URL prefix; null for a bare host (either scheme).</summary>
    public string? Scheme { get; }

    public string Host { get; }

    /// <summary>The port a URL must use; null for a bare host without a port (any port).</summary>
    public int? Port { get; }

    /// <summary>The path prefix without a trailing '/', empty for the whole host.</summary>
    public string Path { get; }

    /// <summary>The entry as written: safe to show (a query, where a SAS would be, is refused).</summary>
    public string Text { get; }

    /// <summary>Whether <paramref name="uri"/> is on this host and, for a URL prefix, under its path.</summary>
    public bool Matches(Uri uri)
    {
        if (!string.Equals(uri.IdnHost, Host, StringComparison.OrdinalIgnoreCase)
            || (Scheme is not null && !string.Equals(uri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
            || (Port is { } port && uri.Port != port))
        {
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return Path.Length == 0
            || string.Equals(path, Path, StringComparison.Ordinal)
            || path.StartsWith(Path + "/", StringComparison.Ordinal);
    }

    /// <summary>Everything under <paramref name="url"/> (its scheme, host, port and path; the query is dropped).</summary>
    public static AllowedUploadTarget Under(Uri url) =>
        new(url.Scheme, url.IdnHost, url.Port, url.AbsolutePath.TrimEnd('/'), $"{url.Scheme}://{url.Authority}{url.AbsolutePath}");

    /// <summary>The ';'-separated entries of <paramref name="list"/>; every unparsable entry is added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<AllowedUploadTarget> ParseList(string? list, string key, List<string> problems)
    {
        var entries = new List<AllowedUploadTarget>();
        foreach (var text in (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(text, out var entry, out var problem))
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add($"{key}: {problem}");
            }
        }

        return entries;
    }

    private static bool TryParse(string text, out AllowedUploadTarget entry, out string problem)
    {
        entry = null!;
        var query = text.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            // Whatever follows may be a SAS signature: not echoed.
            problem = $"'{text[..query]}…' has a query; an entry is a host or a URL prefix, a SAS belongs in the target";
            return false;
        }

        var isUrl = text.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(isUrl ? text : $"https://{text}", UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0
            || (!isUrl && uri.AbsolutePath != "/"))
        {
            problem = $"'{text}' is not a host (name or name:port) or an http(s) URL prefix";
            return false;
        }

        entry = new AllowedUploadTarget(
            isUrl ? uri.Scheme : null,
            uri.IdnHost,
            isUrl || HasExplicitPort(text) ? uri.Port : null,
            isUrl ? uri.AbsolutePath.TrimEnd('/') : string.Empty,
            text);
        problem = string.Empty;
        return true;
    }

    /// <summary>"host:443" names a port even though it is https's default; "[::1]" has colons but no port.</summary>
    private static bool HasExplicitPort(string text) =>
        text.LastIndexOf(':') is var colon and >= 0 && colon > text.LastIndexOf(']') && text[(colon + 1)..].All(char.IsAsciiDigit) && colon < text.Length - 1;
}
