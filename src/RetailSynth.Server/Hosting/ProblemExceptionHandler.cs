using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using RetailSynth.Foundation.Errors;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// Turns exceptions into ProblemDetails: unreadable bodies → 400 naming the field (413 over the size limit), a JSON body
/// in a charset .NET does not know → 415, settings problems → 400, refusals → 409, other
/// <see cref="RetailSynthException"/>s → 400, each text cut to <see cref="ErrorText.MaxLength"/>; anything else → 500
/// with a generic text (an unexpected message could carry a secret, so it goes to the log only as the exception type).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            InvalidOperationException { InnerException: ArgumentException } when HasUnknownCharset(httpContext.Request) => UnsupportedCharset(),
            SettingsException settings => Validation(settings.Problems.Select(ErrorText.Bound).GroupBy(Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)),
            RefusedException refused => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = ErrorText.Bound(RefusalWording.Instance.Describe(refused)) },
            RetailSynthException failure => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = ErrorText.Bound(RefusalWording.Instance.Describe(failure)) },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => Unexpected(httpContext, exception),
        };
        if (details is null)
        {
            return true;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : FieldErrors.Shorten(json.Path.TrimStart('$', '.')); // a path may quote a client's property name
            return Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [field] = [field == "body" ? "the body is not a valid JSON object for this route" : "has the wrong type or is not valid JSON"],
            });
        }

        return new ProblemDetails { Status = exception.StatusCode, Title = ReasonPhrases.GetReasonPhrase(exception.StatusCode), Detail = exception.Message };
    }

    /// <summary>ASP.NET Core reads a JSON body in the charset the Content-Type names, and throws when it knows no such encoding.</summary>
    private static bool HasUnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.Charset.Value is not { Length: > 0 } charset)
        {
            return false;
        }

        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static ProblemDetails UnsupportedCharset() => new()
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = "Unsupported Media Type",
        Detail = "The Content-Type names a charset this server does not know; send JSON as UTF-8 (application/json).",
    };

    private static HttpValidationProblemDetails Validation(Dictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more fields are invalid",
    };

    /// <summary>"Streaming:Speed must be > 0" → "Streaming:Speed"; a sentence without a key stays whole.</summary>
    private static string Field(string problem)
    {
        var space = problem.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? problem[..space] : problem;
    }

    private ProblemDetails Unexpected(HttpContext httpContext, Exception exception)
    {
        LogUnexpected(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        return new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Unexpected failure", Detail = "The server failed unexpectedly; see its log." };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly ({ExceptionType})")]
    private partial void LogUnexpected(string method, PathString path, string exceptionType);
}
