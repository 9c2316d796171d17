namespace RetailSynth.Server.Hosting;

/// <summary>
/// Browser hardening on every response, errors included (set when the response starts, after any handler cleared
/// headers): no framing (clickjacking), no MIME sniffing, no referrer, and a Content-Security-Policy that allows only
/// this origin's own scripts, styles and API calls. The dashboard has no inline script or style, so it runs under the
/// strict policy; the Scalar API reference (<c>/scalar</c>) writes its configuration and styles inline and gets a
/// policy relaxed for exactly that.
/// </summary>
internal sealed class SecurityHeadersMiddleware : IMiddleware
{
    public const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : StrictPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
