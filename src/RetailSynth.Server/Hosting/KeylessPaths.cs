namespace RetailSynth.Server.Hosting;

/// <summary>
/// The GET routes that stay open on a non-loopback bind, where every other route needs the API key: the health probes
/// (orchestrators and load balancers probe without headers, and the answer is only healthy or not) and the static
/// pages (the dashboard's files and the API reference with its OpenAPI document). Those hold no data, match the
/// published source, and a browser cannot send a header when it navigates to them; the dashboard then sends the key
/// it is given on every API call.
/// </summary>
internal static class KeylessPaths
{
    private static readonly HashSet<string> s_exact = BuildExact();

    private static readonly string[] s_prefixes = ["/scalar", "/openapi/"];

    public static bool IsOpen(PathString path)
    {
        var value = path.Value ?? "/";
        return s_exact.Contains(value) || s_prefixes.Any(prefix => value.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static HashSet<string> BuildExact()
    {
        const string prefix = "wwwroot/";
        var paths = new HashSet<string>(StringComparer.Ordinal) { "/", "/health", "/health/ready" };
        foreach (var resource in typeof(KeylessPaths).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            paths.Add("/" + resource[prefix.Length..]);
        }

        return paths;
    }
}
