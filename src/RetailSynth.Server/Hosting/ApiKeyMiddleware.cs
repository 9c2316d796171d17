using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using RetailSynth.Configuration;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Guards every mutating request (any method but GET, HEAD, OPTIONS), before its body is read: when an API key is
/// configured (required for a non-loopback bind), the <c>X-Api-Key</c> header must match it, compared in constant
/// time; otherwise 401. Being middleware, it also covers routes added later. The key is never logged or echoed.
/// </summary>
public sealed partial class ApiKeyMiddleware(ServerOptions options, IProblemDetailsService problems, ILogger<ApiKeyMiddleware> logger) : IMiddleware
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(options.ApiKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (_expected is null || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        // Hashing first makes both sides 32 bytes, so neither the comparison nor its length leaks anything.
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(request.Headers[HeaderName].ToString()));
        if (CryptographicOperations.FixedTimeEquals(actual, _expected))
        {
            await next(context);
            return;
        }

        LogRejected(request.Method, request.Path);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = $"This route changes data: send the server's API key in the {HeaderName} header.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: missing or wrong API key")]
    private partial void LogRejected(string method, PathString path);
}
