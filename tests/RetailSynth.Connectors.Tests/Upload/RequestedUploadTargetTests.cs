using RetailSynth.Connectors.Upload;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Connectors.Tests.Upload;

public class RequestedUploadTargetTests
{
    private const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private static string Refusal(string target, UploadOptions options) =>
        Assert.Throws<RetailSynthException>(() => RequestedUploadTarget.Check(target, options)).Message;

    [Fact]
    public void A_container_of_the_configured_account_is_allowed()
    {
        RequestedUploadTarget.Check("lake/history", new UploadOptions { ConnectionString = ConnectionString });
    }

    [Theory]
    [InlineData("https://attacker.blob.core.windows.net/c/f")]
    [InlineData("https://attacker.example/c/f")]
    [InlineData("https://attacker.example/c/f?sv=2024-11-04&sr=c&sp=racwl&sig=c2VjcmV0")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/lake")]
    public void A_url_the_operator_did_not_configure_is_refused_without_echoing_a_signature(string target)
    {
        var message = Refusal(target, new UploadOptions { ConnectionString = ConnectionString, Target = "https://account.blob.core.windows.net/lake" });

        Assert.EndsWith("is not an upload target of this server: a request may name <container>[/<folder>] with Upload:ConnectionString, a URL under Upload:Target, or one matching Upload:AllowedTargets.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://account.blob.core.windows.net/lake")]
    [InlineData("https://account.blob.core.windows.net/lake/history/2024")]
    [InlineData("https://account.dfs.core.windows.net/lake/history")]
    public void A_url_under_upload_target_is_allowed(string target)
    {
        RequestedUploadTarget.Check(target, new UploadOptions { Target = "https://account.blob.core.windows.net/lake?sv=2024-11-04&sig=c2VjcmV0" });
    }

    [Fact]
    public void A_url_beside_upload_target_is_refused()
    {
        Refusal("https://account.blob.core.windows.net/lakehouse", new UploadOptions { Target = "https://account.blob.core.windows.net/lake" });
    }

    [Fact]
    public void A_sas_url_to_an_allowed_target_is_allowed()
    {
        RequestedUploadTarget.Check(
            "http://127.0.0.1:10000/devstoreaccount1/lake?sv=2024-11-04&sr=c&sp=racwl&sig=c2VjcmV0", new UploadOptions { AllowedTargets = "127.0.0.1:10000" });
    }

    [Fact]
    public void A_malformed_url_of_an_allowed_host_keeps_its_own_message()
    {
        Assert.Contains(
            "names no container", Refusal("https://account.blob.core.windows.net", new UploadOptions { AllowedTargets = "account.blob.core.windows.net" }), StringComparison.Ordinal);
    }
}
