using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Refuses (415) a mutating request whose <c>Content-Type</c> is not <c>application/json</c>, with or without a
/// body. A browser may send text/plain, form or multipart bodies to any site without asking; application/json makes
/// a cross-origin request need a CORS preflight, which this server never grants, so this backs up the origin check.
/// </summary>
internal sealed partial class JsonContentTypeMiddleware(IProblemDetailsService problems, ILogger<JsonContentTypeMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!MutatingRequests.IsMutating(request) || IsJson(request.ContentType))
        {
            await next(context);
            return;
        }

        LogRejected(request.Method, request.Path);
        await Refusals.WriteAsync(problems, context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            "Requests that change data must send Content-Type: application/json, also when they have no body.");
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: content type is not application/json")]
    private partial void LogRejected(string method, PathString path);
}
