using System.Net;
using System.Text;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>Random and invalid bodies on every route that takes one: never a 500, nothing started, nothing written.</summary>
public sealed class FuzzTests
{
    private static readonly Dictionary<string, string[]> s_fields = new()
    {
        ["/api/generate/dimensions"] = ["force"],
        ["/api/generate/historical"] = ["days", "end_date"],
        ["/api/stream/start"] = ["duration_minutes", "pacing", "speed", "max_events_per_second", "days", "sink"],
        ["/api/export"] = ["format", "tables", "from", "to", "out"],
    };

    [Fact]
    public async Task Random_and_invalid_bodies_never_give_500_and_write_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var random = new Random(20261127);

        foreach (var (path, fields) in s_fields)
        {
            for (var i = 0; i < 60; i++)
            {
                var body = Body(random, path, fields);
                using var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(body.ContentType);
                using var response = await server.Client.PostAsync(new Uri(path, UriKind.Relative), content);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(
                    response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType,
                    $"POST {path} with {Encoding.UTF8.GetString(body.Bytes)} → {(int)response.StatusCode} {text}");
            }
        }

        Assert.Empty(server.Streaming.Starts);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
        foreach (var table in (await server.GetJsonAsync("/api/tables")).EnumerateArray())
        {
            Assert.Equal(0, table.GetProperty("rows").GetInt64());
        }

        Assert.False(Directory.Exists(Path.Combine(server.Folder, "data")));
    }

    private static (byte[] Bytes, string ContentType) Body(Random random, string path, string[] fields)
    {
        var field = fields[random.Next(fields.Length)];
        string json;
        switch (random.Next(9))
        {
            case 0:
                var bytes = new byte[random.Next(1, 64)];
                random.NextBytes(bytes);
                bytes[0] = (byte)'{';
                return (bytes, "application/json");
            case 1:
                json = $"{{\"{field}\": {WrongType(random, path, field)}}}";
                break;
            case 2:
                json = $"{{\"{field}\": {WrongType(random, path, field)}"; // truncated
                break;
            case 3:
                json = new[] { "[]", "[1,2,3]", "\"text\"", "42", "true", "{\"a\":", "{,}", "{\"a\":1,}", "\u0000", "{\"a\" 1}" }[random.Next(10)];
                break;
            case 4:
                json = new string('[', random.Next(1, 200)) + new string(']', random.Next(0, 200));
                break;
            case 5:
                return ("{}"u8.ToArray(), new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" }[random.Next(3)]);
            case 6:
                json = Invalid(random, path);
                break;
            case 7:
                json = $"{{\"{field}\": {WrongType(random, path, field)}, \"{fields[random.Next(fields.Length)]}\": {WrongType(random, path, field)}}}";
                break;
            default:
                // A control character right after the brace: never valid JSON, whatever follows.
                json = "{\u0001" + new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 127)).ToArray());
                break;
        }

        return (Encoding.UTF8.GetBytes(json), "application/json");
    }

    /// <summary>A JSON value of a type the field does not accept.</summary>
    private static string WrongType(Random random, string path, string field)
    {
        var text = field is "pacing" or "sink" or "end_date" or "format" or "from" or "to" or "out";
        var list = field == "tables";
        var candidates = new List<string> { "{\"nested\": 1}" };
        if (!text)
        {
            candidates.Add("\"ten\"");
            candidates.Add("\"\"");
        }

        if (text || list)
        {
            candidates.Add("12");
            candidates.Add("true");
        }

        if (!list)
        {
            candidates.Add("[1]");
        }

        if (field is "days" or "max_events_per_second")
        {
            candidates.Add("1.5");
            candidates.Add("99999999999");
        }

        _ = path;
        return candidates[random.Next(candidates.Count)];
    }

    /// <summary>Well-formed JSON with values each route rejects.</summary>
    private static string Invalid(Random random, string path) => path switch
    {
        "/api/generate/dimensions" => "{\"force\": \"maybe\"}",
        "/api/generate/historical" => new[] { "{\"days\": 0}", "{\"days\": -7}", "{\"end_date\": \"2024-02-31\"}", "{}", "{\"days\": 1, \"end_date\": \"2024-01-01\"}" }[random.Next(5)],
        "/api/stream/start" => new[] { "{\"duration_minutes\": -1}", "{\"pacing\": \"fast\"}", "{\"speed\": 5}", "{\"max_events_per_second\": 0}", "{\"pacing\": \"max\", \"speed\": 2}" }[random.Next(5)],
        _ => new[] { "{\"format\": \"json\"}", "{\"tables\": [\"x\"]}", "{\"out\": \"../../etc\"}", "{\"from\": \"2024-05-01\", \"to\": \"2024-04-01\"}" }[random.Next(4)],
    };
}
