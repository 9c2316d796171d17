using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RetailSynth.Configuration;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Guards every mutating route: when an API key is configured (required for a non-loopback bind), the
/// <c>X-Api-Key</c> header must match it, compared in constant time; otherwise 401. The key is never logged or echoed.
/// </summary>
public sealed partial class ApiKeyFilter(ServerOptions options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(options.ApiKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is not null)
        {
            var provided = context.HttpContext.Request.Headers[HeaderName].ToString();
            // Hashing first makes both sides 32 bytes, so neither the comparison nor its length leaks anything.
            var actual = SHA256.HashData(Encoding.UTF8.GetBytes(provided));
            if (!CryptographicOperations.FixedTimeEquals(actual, _expected))
            {
                LogRejected(context.HttpContext.Request.Method, context.HttpContext.Request.Path);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Unauthorized",
                    detail: $"This route changes data: send the server's API key in the {HeaderName} header.");
            }
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: missing or wrong API key")]
    private partial void LogRejected(string method, PathString path);
}
