namespace RetailSynth.Server.Endpoints;

/// <summary>The dashboard: static files embedded in this assembly (wwwroot/), served at / with no build step.</summary>
internal static class DashboardApi
{
    private const string Prefix = "wwwroot/";

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var assembly = typeof(DashboardApi).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var contentType = ContentType(name);
            var handler = () => Results.Bytes(bytes, contentType);
            app.MapGet("/" + name, handler).ExcludeFromDescription();
            if (name == "index.html")
            {
                app.MapGet("/", handler).ExcludeFromDescription();
            }
        }
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    };
}
