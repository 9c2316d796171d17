using System.Globalization;
using System.Text.Json;

namespace RetailSynth.Tests.Credentials;

/// <summary>
/// An App Service managed-identity endpoint on http://127.0.0.1: with <see cref="Environment"/> set, a child process's
/// <c>DefaultAzureCredential</c> really gets <see cref="Token"/>, so a test can see where the token goes.
/// </summary>
public sealed class FakeManagedIdentity : IAsyncDisposable
{
    private const string Header = "retailsynth-test-identity-header";
    private readonly LoopbackHttpServer _server;
    private int _requests;

    private FakeManagedIdentity() => _server = new LoopbackHttpServer(null, Answer);

    /// <summary>The access token handed out; unique per instance.</summary>
    public string Token { get; } = $"retailsynth-test-token-{Guid.NewGuid():N}";

    /// <summary>Token requests received: zero means no credential was even asked for.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The variables that make DefaultAzureCredential use this endpoint (and nothing slower, like the Azure CLI).</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["IDENTITY_ENDPOINT"] = $"http://127.0.0.1:{_server.Port}/msi/token",
        ["IDENTITY_HEADER"] = Header,
        ["AZURE_TOKEN_CREDENTIALS"] = "ManagedIdentityCredential",
    };

    public static FakeManagedIdentity Start() => new();

    private (int Status, string Body) Answer(ReceivedRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (!request.Target.StartsWith("/msi/token", StringComparison.Ordinal) || request.Header("X-IDENTITY-HEADER") != Header)
        {
            return (401, string.Empty);
        }

        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (200, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["access_token"] = Token,
            ["expires_on"] = expires,
            ["resource"] = "https://storage.azure.com",
            ["token_type"] = "Bearer",
            ["client_id"] = "00000000-0000-0000-0000-000000000000",
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
