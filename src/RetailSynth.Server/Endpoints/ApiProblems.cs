
namespace RetailSynth.Server.Endpoints;

/// <summary>ProblemDetails answers shared by several endpoints (field errors are <see cref="Contracts.FieldErrors"/>'s).</summary>
internal static class ApiProblems
{
    /// <summary>404 for a table, task, schema or other name the server does not know; <paramref name="detail"/> says what exists.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
