using RetailSynth.Jobs.Schema;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Endpoints;

/// <summary>
/// GET /api/schema/{kind}: the landing kit's document, the same bytes <c>retailsynth schema KIND</c> prints, and
/// GET /api/schema/json-schema/{name}: one event type's (or the envelope's) JSON Schema, the file <c>--out</c> writes.
/// Read-only and generated from the build alone: no database, no settings.
/// </summary>
internal static class SchemaApi
{
    public static void MapSchemaApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schema").WithTags("Schema");
        group.MapGet("/{kind}", Document)
            .WithSummary("kql (Eventhouse/ADX script), json-schema (2020-12 bundle of every event type) or asyncapi (AsyncAPI 3.0); unknown kind → 404.");
        group.MapGet("/json-schema/{name}", JsonSchema)
            .WithSummary("One JSON Schema: an event type's (e.g. receipt_created) or the envelope's; unknown name → 404.");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Document(string kind)
    {
        if (!SchemaKinds.TryParse(kind, out var known))
        {
            return ApiProblems.NotFound($"There is no schema kind '{FieldErrors.Shorten(kind)}'; the kinds are {string.Join(", ", SchemaKinds.Names)}.");
        }

        var document = SchemaKit.Combined(known);
        return TypedResults.Text(document.Content, document.MediaType + "; charset=utf-8");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> JsonSchema(string name)
    {
        var file = SchemaKit.Files(SchemaKind.JsonSchema)
            .FirstOrDefault(d => string.Equals(d.FileName, name + ".schema.json", StringComparison.Ordinal));
        return file is null
            ? ApiProblems.NotFound($"There is no JSON Schema '{FieldErrors.Shorten(name)}'; name an event type (GET /api/schema/json-schema lists them under $defs) or envelope.")
            : TypedResults.Text(file.Content, file.MediaType + "; charset=utf-8");
    }
}
