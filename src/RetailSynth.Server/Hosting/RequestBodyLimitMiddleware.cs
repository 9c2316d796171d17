using Microsoft.AspNetCore.Mvc;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Refuses a request that declares a body over <see cref="RequestLimits.MaxBodyBytes"/> before any route runs: 413 and
/// <c>Connection: close</c>. Kestrel's limit (the same number) covers bodies without a length, but trips only when a
/// route reads the body: a route that ignores it would answer, then Kestrel would drop the connection while draining the
/// body, and the client's next request on that connection would fail.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(IProblemDetailsService problems) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength is not { } length || length <= RequestLimits.MaxBodyBytes)
        {
            await next(context);
            return;
        }

        context.Response.Headers.Connection = "close";
        var detail = $"The request body has {length} bytes; at most {RequestLimits.MaxBodyBytes} are accepted.";
        await Refusals.WriteAsync(problems, context, StatusCodes.Status413PayloadTooLarge, "Content Too Large", detail);
    }
}
