using Microsoft.AspNetCore.Mvc;

namespace RetailSynth.Server.Hosting;

/// <summary>Writes a guard's refusal as ProblemDetails (api.md: every error is one), before any route runs.</summary>
internal static class Refusals
{
    public static async Task WriteAsync(IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            await context.Response.WriteAsync(detail); // the client accepts no JSON (e.g. Accept: application/xml): plain text, never a 500
        }
    }
}
