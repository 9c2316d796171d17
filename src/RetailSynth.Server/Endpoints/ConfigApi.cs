using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs;
using RetailSynth.Reference;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;

namespace RetailSynth.Server.Endpoints;

/// <summary>
/// The configuration file as a client edits it (the dashboard's Settings page): GET /api/config/file (the file without
/// its secrets), POST /api/config/validate and PUT /api/config (validated, then written atomically; 409 while a job or
/// stream runs). A body is checked with the start-up loader, every problem at once; a body that sets a secret is
/// refused, since secrets come from the environment (or are kept from the file as they were). The running server keeps
/// its settings until it restarts. GET /api/config (the effective settings, redacted) is <see cref="StatusApi"/>'s.
/// </summary>
internal static partial class ConfigApi
{
    public static void MapConfigApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/config").WithTags("Config");
        group.MapGet("/file", File).WithSummary("The configuration file (retailsynth.json) without its secrets, and its path.");
        group.MapPost("/validate", Validate).WithSummary("Check a configuration document as start-up would: 200, or 400 with every field error at once.");
        group.MapPut("/", Save)
            .WithSummary("Validate a configuration document and write it to retailsynth.json (applies at the next start); 400 with every error and nothing written, 409 while a job or stream runs.");
    }

    private static Ok<ConfigFileResponse> File(ServerHostOptions host)
    {
        var path = host.ConfigFilePath;
        return TypedResults.Ok(new ConfigFileResponse(path, System.IO.File.Exists(path), SettingsFile.ReadWithoutSecrets(path)));
    }

    private static Results<Ok<ConfigValidResponse>, ValidationProblem> Validate(JsonElement body, ServerHostOptions host, ReferenceDictionaries dictionaries)
    {
        var errors = Check(body, host, dictionaries, out _);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(new ConfigValidResponse(true, host.ConfigFilePath));
    }

    private static Results<Ok<ConfigFileResponse>, ValidationProblem> Save(
        JsonElement body, ServerHostOptions host, ReferenceDictionaries dictionaries, WriterGate gate, StreamingAccessor streaming, ILoggerFactory loggers)
    {
        if (gate.AnyRunning || streaming.IsStreaming)
        {
            throw new RefusedException("Refused: a job or stream session is running; the configuration may change once it has finished or been stopped.");
        }

        var errors = Check(body, host, dictionaries, out var json);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var path = host.ConfigFilePath;
        try
        {
            SettingsFile.Write(path, json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RetailSynthException($"Cannot write the configuration file '{path}': {ex.Message}");
        }

        var logger = loggers.CreateLogger(typeof(ConfigApi));
        LogWritten(logger, path);
        return TypedResults.Ok(new ConfigFileResponse(path, true, SettingsFile.ReadWithoutSecrets(path)));
    }

    /// <summary>Every problem of the body at once: not an object, a secret in it, and what the settings loader finds.</summary>
    private static FieldErrors Check(JsonElement body, ServerHostOptions host, ReferenceDictionaries dictionaries, out string json)
    {
        var errors = new FieldErrors();
        json = string.Empty;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object of settings, e.g. {\"Simulation\": {\"Seed\": 42}}");
            return errors;
        }

        try
        {
            json = body.GetRawText();
        }
        catch (InvalidOperationException)
        {
            // The body parser does not check the UTF-8 inside strings; reading them does.
            errors.Add("body", "is not valid UTF-8 JSON");
            return errors;
        }

        foreach (var secret in SettingsFile.SecretKeysIn(json))
        {
            errors.Add(secret, $"is a secret and is accepted only from the environment ({SettingsSources.EnvironmentPrefix}{secret.Replace(":", "__", StringComparison.Ordinal)}); remove it from the body");
        }

        foreach (var problem in SettingsFile.Validate(json, host.Environment, dictionaries.Limits))
        {
            errors.Add(FieldOf(problem), ErrorText.Bound(problem));
        }

        return errors;
    }

    /// <summary>The setting a loader problem is about: "unknown setting 'X' …" → X, "X must be …" → X, otherwise "body".</summary>
    private static string FieldOf(string problem)
    {
        var quoted = problem.IndexOf('\'', StringComparison.Ordinal);
        if (problem.StartsWith("unknown setting '", StringComparison.Ordinal) || problem.StartsWith("setting '", StringComparison.Ordinal))
        {
            var end = problem.IndexOf('\'', quoted + 1);
            return end > quoted ? FieldErrors.Shorten(problem[(quoted + 1)..end]) : "body";
        }

        var space = problem.IndexOf(' ', StringComparison.Ordinal);
        var first = space > 0 ? problem[..space] : problem;
        return first.Contains(':', StringComparison.Ordinal) ? first : "body";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration written to {Path}; it applies when the server restarts")]
    private static partial void LogWritten(ILogger logger, string path);
}
