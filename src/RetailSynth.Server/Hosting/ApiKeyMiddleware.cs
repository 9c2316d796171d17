using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Guards requests before their body is read: a mutating request (<see cref="MutatingRequests"/>) needs the
/// <c>X-Api-Key</c> header when a key is configured; on a non-loopback bind (<see cref="ServerExposure"/>) every route
/// but <see cref="KeylessPaths"/> needs it, reads included, since anyone on the network could otherwise read the data.
/// The key is compared in constant time; otherwise 401. Until the bound addresses are checked, or when the server is
/// refusing to serve (non-loopback without a key), such routes answer 503. Being middleware, it also covers routes
/// added later. The key is never logged or echoed.
/// </summary>
internal sealed partial class ApiKeyMiddleware(ServerOptions options, ServerExposure exposure, IProblemDetailsService problems, ILogger<ApiKeyMiddleware> logger)
    : IMiddleware
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(options.ApiKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var scope = exposure.Scope;
        var needsKey = MutatingRequests.IsMutating(request) || (scope != BindScope.LoopbackOnly && !KeylessPaths.IsOpen(request.Path));
        if (!needsKey || (_expected is null && scope == BindScope.LoopbackOnly))
        {
            await next(context);
            return;
        }

        if (_expected is null)
        {
            await Refusals.WriteAsync(problems, context, StatusCodes.Status503ServiceUnavailable, "Not serving",
                "The server is starting, or is bound beyond loopback without an API key and refuses to serve.");
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
        await Refusals.WriteAsync(problems, context, StatusCodes.Status401Unauthorized, "Unauthorized",
            MutatingRequests.IsMutating(request)
                ? $"This route changes data: send the server's API key in the {HeaderName} header."
                : $"This server listens beyond loopback: send its API key in the {HeaderName} header.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: missing or wrong API key")]
    private partial void LogRejected(string method, PathString path);
}
