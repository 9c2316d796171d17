namespace RetailSynth.Server.Hosting;

/// <summary>
/// Which requests can change something: every method but GET, HEAD and OPTIONS (POST, PUT, PATCH, DELETE and anything
/// unknown), so a method nobody thought of is guarded rather than let through.
/// </summary>
internal static class MutatingRequests
{
    public static bool IsMutating(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
}
