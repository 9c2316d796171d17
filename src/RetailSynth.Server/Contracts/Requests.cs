namespace RetailSynth.Server.Contracts;

// Request bodies (snake_case JSON). Dates and enums arrive as text so that a bad value is reported by field name.

/// <summary>POST /api/generate/dimensions.</summary>
internal sealed record GenerateDimensionsRequest(bool? Force);

/// <summary>POST /api/generate/historical: exactly one of <c>days</c> or <c>end_date</c> (yyyy-MM-dd).</summary>
internal sealed record GenerateHistoricalRequest(int? Days, string? EndDate);

/// <summary>POST /api/stream/start: every field optional; settings fill the rest.</summary>
internal sealed record StreamStartRequest(
    double? DurationMinutes,
    string? Pacing,
    double? Speed,
    int? MaxEventsPerSecond,
    int? Days,
    string? Sink);

/// <summary>POST /api/stream/drain and /api/stream/test-connection: the sink, when not the configured one.</summary>
internal sealed record StreamSinkRequest(string? Sink);

/// <summary>POST /api/export: like the CLI; <c>out</c> is a folder relative to the server's working directory.</summary>
/// <summary><c>upload</c>: a container URL (or <c>container[/folder]</c> with Upload:ConnectionString) to upload the export to afterwards.</summary>
internal sealed record ExportApiRequest(string? Format, IReadOnlyList<string>? Tables, string? From, string? To, string? Out, string? Upload = null, bool? CreateContainer = null);

/// <summary>DELETE /api/dataset: the dataset id, typed to confirm.</summary>
internal sealed record DeleteDatasetRequest(string? Confirm);
