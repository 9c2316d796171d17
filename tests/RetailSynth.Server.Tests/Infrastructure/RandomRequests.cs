using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>
/// Random requests for the fuzz tests, from a seeded <see cref="Random"/>: a route of the app's own endpoint list with
/// its parameters filled in (sometimes with garbage), a random query, headers, content type and body (random JSON over
/// the API's field names, wrong types, huge strings, NULs, invalid UTF-8, truncated or deeply nested text).
/// </summary>
public sealed class RandomRequests(Random random, IReadOnlyList<string> knownValues)
{
    /// <summary>Every request field and query key of the API, so random objects often hit a real field.</summary>
    private static readonly string[] s_fieldNames =
    [
        "force", "days", "end_date", "duration_minutes", "pacing", "speed", "max_events_per_second", "sink",
        "format", "tables", "from", "to", "out", "upload", "create_container", "limit", "status", "order",
    ];

    private static readonly string[] s_methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static readonly string[] s_otherContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
        "application/json; charset=utf-16", "application/json; charset=bogus-42", "application/*", "a/b/c", "application/problem+json",
    ];

    /// <summary>The body fields of the route being fuzzed.</summary>
    private IReadOnlyList<string> _fields = [];

    /// <summary>One route as the fuzz sees it: its template, the methods it answers (none listed: any) and its body's JSON fields.</summary>
    public sealed record Route(RoutePattern Pattern, IReadOnlyList<string> Methods, IReadOnlyList<string> BodyFields)
    {
        public override string ToString() => $"{string.Join('|', Methods)} {Pattern.RawText}";
    }

    /// <summary>The app's routes, from its <see cref="EndpointDataSource"/>: routes added later are fuzzed too, with their own body fields.</summary>
    public static IReadOnlyList<Route> RoutesOf(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => new Route(
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType?.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToArray() ?? []))
            .DistinctBy(r => r.ToString()),
    ];

    public HttpRequestMessage Next(Route route)
    {
        var method = route.Methods.Count > 0 && random.Next(10) > 0 ? route.Methods[random.Next(route.Methods.Count)] : s_methods[random.Next(s_methods.Length)];
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Path(route.Pattern) + Query(), UriKind.Relative));
        AddHeaders(request);
        var sendBody = method is "POST" or "PUT" or "PATCH" ? random.Next(10) > 0 : random.Next(5) == 0;
        if (sendBody)
        {
            _fields = route.BodyFields;
            var body = Body();
            request.Headers.ExpectContinue = body.Length > 1_000_000; // as curl does for large uploads: a refusal comes before the body is sent
            var content = new ByteArrayContent(body);
            var contentType = random.Next(5) > 0 ? "application/json" : s_otherContentTypes[random.Next(s_otherContentTypes.Length)];
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Content = content;
        }

        return request;
    }

    private string Path(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => parameter.IsOptional && random.Next(3) == 0 ? string.Empty : Uri.EscapeDataString(Text()),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => string.Empty,
                });
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private string Query()
    {
        if (random.Next(3) == 0)
        {
            return string.Empty;
        }

        var pairs = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => $"{Uri.EscapeDataString(Name())}={Uri.EscapeDataString(Text())}");
        return "?" + string.Join('&', pairs);
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        for (var i = random.Next(3); i > 0; i--)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(32, 127))]).Trim();
            request.Headers.TryAddWithoutValidation($"X-Fuzz-{random.Next(100)}", value);
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", new[] { "*/*", "application/xml", "text/html", "application/json;q=0", "garbage" }[random.Next(5)]);
        }

        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Charset", "utf-7");
        }
    }

    private byte[] Body() => random.Next(14) switch
    {
        0 => RandomBytes(random.Next(1, 300)),
        1 => [],
        2 => Encoding.UTF8.GetBytes(new string('[', random.Next(1, 2000))),
        3 => Truncated(Encoding.UTF8.GetBytes(Json(0))),
        4 => Encoding.UTF8.GetBytes("null"),
        5 => HugeBody(),
        6 => Utf8WithInvalidBytes(),
        7 => Encoding.UTF8.GetBytes($"{{\"tables\": [{string.Join(',', Enumerable.Range(0, random.Next(50, 3_000)).Select(i => Quote($"no_such_table_{i}")))}]}}"),
        _ => Encoding.UTF8.GetBytes(Json(0)),
    };

    /// <summary>A random JSON value; objects use the API's field names most of the time.</summary>
    private string Json(int depth)
    {
        var choice = depth == 0 ? random.Next(4, 10) : random.Next(10);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => new[] { "0", "-1", "1", "7", "1.5", "-0", "1e308", "1e400", "99999999999999999999", "3660", "3661", "525601" }[random.Next(12)],
            3 => Quote(Text()),
            4 or 5 when depth < 3 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 6)).Select(_ => Json(depth + 1))) + "]",
            _ when depth < 3 => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"{Quote(Name())}:{Json(depth + 1)}")) + "}",
            _ => Quote(Text()),
        };
    }

    /// <summary>Mostly a field of the route's own body, else any field of the API, else any text.</summary>
    private string Name() => random.Next(5) switch
    {
        < 3 when _fields.Count > 0 => _fields[random.Next(_fields.Count)],
        < 4 => s_fieldNames[random.Next(s_fieldNames.Length)],
        _ => Text(),
    };

    /// <summary>Text of the kinds that break naive handlers: NULs, control characters, path tricks, long, known names, dates.</summary>
    private string Text() => random.Next(13) switch
    {
        0 => string.Empty,
        1 or 12 => new[] { "x\0y", "a\u0001b", "line\nbreak", "\u007f", "tab\there" }[random.Next(5)],
        2 => new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)random.Next(0, 32))]),
        3 => new[] { "../../etc", "/etc/passwd", "a/../../b", "C:\\Windows", "..", ".", "~", "a//b", "%2e%2e" }[random.Next(9)],
        4 => new string('a', random.Next(1_000, 5_000)),
        5 => new string('é', random.Next(1, 300)) + "\U0001F600\uFFFF",
        6 => "\uD800",
        7 => new[] { "2024-01-01", "0001-01-01", "9999-12-31", "2024-02-30", "-1", "NaN", "Infinity" }[random.Next(7)],
        8 or 9 => knownValues[random.Next(knownValues.Count)],
        _ => new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 0x2FF))]),
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated(byte[] json) => json.Length <= 1 ? json : json[..random.Next(1, json.Length)];

    /// <summary>A string field whose UTF-8 is broken by stray continuation and lead bytes.</summary>
    private byte[] Utf8WithInvalidBytes()
    {
        var field = s_fieldNames[random.Next(s_fieldNames.Length)];
        return [.. Encoding.UTF8.GetBytes($"{{\"{field}\": \""), .. new byte[] { 0xC3, 0x28, 0xFF, 0x80, 0xED, 0xA0, 0x80 }, .. "\"}"u8];
    }

    /// <summary>One huge string field (1–3 MB of JSON): over any sane body limit. Built as bytes, not through a pooled string builder.</summary>
    private byte[] HugeBody()
    {
        var head = Encoding.UTF8.GetBytes($"{{\"{Name()}\": \"");
        var body = new byte[head.Length + random.Next(1_000_000, 3_000_000) + 2];
        head.CopyTo(body, 0);
        body.AsSpan(head.Length, body.Length - head.Length - 2).Fill((byte)'a');
        "\"}"u8.CopyTo(body.AsSpan(body.Length - 2));
        return body;
    }
}
