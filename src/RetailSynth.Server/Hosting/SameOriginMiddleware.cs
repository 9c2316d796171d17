using Microsoft.Extensions.Logging;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Refuses (403) a mutating request that a browser sent from another origin: its <c>Origin</c> is not this server's
/// own (scheme, host and port of the request, the host already filtered by <c>Server:AllowedHosts</c>), or its
/// <c>Sec-Fetch-Site</c> is anything but <c>same-origin</c>. Without either header (curl, scripts, the CLI) the
/// request is no browser's drive-by and passes on to the key and content-type checks. Stops a page on any other site
/// (even another port of 127.0.0.1) from starting streams or generations through a no-cors fetch or a form.
/// </summary>
internal sealed partial class SameOriginMiddleware(IProblemDetailsService problems, ILogger<SameOriginMiddleware> logger) : IMiddleware
{
    public const string FetchSiteHeader = "Sec-Fetch-Site";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!MutatingRequests.IsMutating(request) || IsSameOriginOrNoBrowser(request))
        {
            await next(context);
            return;
        }

        LogRejected(request.Method, request.Path);
        await Refusals.WriteAsync(problems, context, StatusCodes.Status403Forbidden, "Forbidden",
            "Cross-origin requests may not change data: use the dashboard served by this server, or a client that is not a browser.");
    }

    private static bool IsSameOriginOrNoBrowser(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count > 0 && !string.Equals(origin.ToString(), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var site = request.Headers[FetchSiteHeader];
        return site.Count == 0 || string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: cross-origin request")]
    private partial void LogRejected(string method, PathString path);
}
