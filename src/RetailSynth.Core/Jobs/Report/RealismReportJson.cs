using System.Text.Encodings.Web;
using System.Text.Json;

namespace RetailSynth.Jobs.Report;

/// <summary>The scorecard as JSON, in the API's naming (snake_case), so <c>report --json</c> writes what GET /api/report returns.</summary>
public static class RealismReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps "…", "≤" and "–" readable in a file
    };

    public static string Serialize(RealismReport report) => JsonSerializer.Serialize(report, Options);
}
