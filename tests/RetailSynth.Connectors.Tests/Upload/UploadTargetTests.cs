using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using RetailSynth.Connectors.Upload;

namespace RetailSynth.Connectors.Tests.Upload;

public class UploadTargetTests
{
    private static readonly Func<TokenCredential> s_credential = () => new EnvironmentCredential();

    [Fact]
    public void A_onelake_files_url_makes_the_workspace_the_container_and_the_lakehouse_path_the_prefix()
    {
        var target = UploadTarget.Parse("https://onelake.blob.fabric.microsoft.com/Sales/Retail.Lakehouse/Files/history/", null, new BlobClientOptions(), s_credential);

        Assert.Equal("Sales", target.Container.Name);
        Assert.Equal("Retail.Lakehouse/Files/history", target.Prefix);
        Assert.Equal("Retail.Lakehouse/Files/history/dim_stores/dim_stores.parquet", target.BlobName("dim_stores/dim_stores.parquet"));
        Assert.Equal("Entra ID", target.Authentication);
    }

    [Fact]
    public void A_dfs_url_of_adls_gen2_is_served_through_its_blob_endpoint()
    {
        var target = UploadTarget.Parse("https://account.dfs.core.windows.net/lake/raw/retail", null, new BlobClientOptions(), s_credential);

        Assert.Equal("https://account.blob.core.windows.net/lake/raw/retail", target.Display);
        Assert.Equal("raw/retail", target.Prefix);
    }

    [Fact]
    public void A_sas_url_authenticates_with_the_signature_and_shows_the_url_without_the_query()
    {
        var target = UploadTarget.Parse("https://account.blob.core.windows.net/lake/in?sv=2024-11-04&sr=c&sp=racwl&se=2030-01-01T00%3A00%3A00Z&sig=c2VjcmV0", null, new BlobClientOptions());

        Assert.Equal("SAS", target.Authentication);
        Assert.Equal("https://account.blob.core.windows.net/lake/in", target.Display);
        Assert.Equal("in", target.Prefix);
    }

    [Fact]
    public void A_container_name_without_a_connection_string_says_how_to_give_a_target()
    {
        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() => UploadTarget.Parse("lake/history", null, new BlobClientOptions()));

        Assert.Contains("set Upload:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_whose_key_is_not_base64_is_refused_without_echoing_it()
    {
        const string Key = "not-base64-secret!";

        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() => UploadTarget.Parse(
            "lake", $"DefaultEndpointsProtocol=https;AccountName=account;AccountKey={Key};EndpointSuffix=core.windows.net", new BlobClientOptions()));

        Assert.StartsWith("Upload:ConnectionString is not a valid storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_id_over_plain_http_is_refused_before_any_request()
    {
        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() => UploadTarget.Parse("http://127.0.0.1:10000/devstoreaccount1/lake", null, new BlobClientOptions(), s_credential));

        Assert.StartsWith("Entra ID sign-in needs an https target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_entra_id_credential_is_named_an_authentication_failure_with_the_alternatives()
    {
        var message = UploadFailure.Describe(new CredentialUnavailableException("DefaultAzureCredential failed"), "https://onelake.blob.fabric.microsoft.com/Sales", "Entra ID");

        Assert.StartsWith("Authentication failed: no Entra ID credential is available for https://onelake.blob.fabric.microsoft.com/Sales", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443/devstoreaccount1/lake")]
    [InlineData("https://attacker.example/c/f")]
    [InlineData("https://account.blob.core.windows.net.attacker.example/c")]
    [InlineData("https://blob.core.windows.net/c")]
    [InlineData("https://evil-onelake.blob.fabric.microsoft.com.attacker.example/ws")]
    [InlineData("https://notonelake.blob.fabric.microsoft.com/ws")]
    public void An_entra_id_token_is_not_prepared_for_a_host_outside_azure_storage(string target)
    {
        var asked = false;

        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() => UploadTarget.Parse(target, null, new BlobClientOptions(), () =>
        {
            asked = true;
            return new EnvironmentCredential();
        }));

        Assert.StartsWith($"Refusing to send an Entra ID token to {new Uri(target).Authority}: it is not an Azure Storage or OneLake endpoint", error.Message, StringComparison.Ordinal);
        Assert.False(asked);
    }

    [Theory]
    [InlineData("https://account.blob.core.windows.net/lake")]
    [InlineData("https://account.dfs.core.windows.net/lake")]
    [InlineData("https://account.privatelink.blob.core.windows.net/lake")]
    [InlineData("https://account.blob.core.usgovcloudapi.net/lake")]
    [InlineData("https://account.dfs.core.chinacloudapi.cn/lake")]
    [InlineData("https://onelake.blob.fabric.microsoft.com/Sales/Retail.Lakehouse/Files")]
    [InlineData("https://onelake.dfs.fabric.microsoft.com/Sales/Retail.Lakehouse/Files")]
    [InlineData("https://westus-onelake.dfs.fabric.microsoft.com/Sales/Retail.Lakehouse/Files")]
    public void Azure_storage_and_onelake_hosts_take_an_entra_id_token(string target)
    {
        Assert.Equal("Entra ID", UploadTarget.Parse(target, null, new BlobClientOptions(), s_credential).Authentication);
    }

    [Fact]
    public void A_host_under_an_allowed_target_takes_an_entra_id_token_and_one_beside_it_does_not()
    {
        var options = new RetailSynth.Foundation.Configuration.UploadOptions { AllowedTargets = "https://storage.contoso.com/lake" };

        var allowed = UploadTarget.Parse("https://storage.contoso.com/lake/history", null, new BlobClientOptions(), s_credential, options.AllowList());
        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() =>
            UploadTarget.Parse("https://storage.contoso.com/other", null, new BlobClientOptions(), s_credential, options.AllowList()));

        Assert.Equal("Entra ID", allowed.Authentication);
        Assert.StartsWith("Refusing to send an Entra ID token to storage.contoso.com:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_account_key_does_not_sign_requests_to_a_url_outside_azure_storage()
    {
        var connectionString = $"DefaultEndpointsProtocol=https;AccountName=account;AccountKey={Convert.ToBase64String(new byte[32])};EndpointSuffix=core.windows.net";

        var error = Assert.Throws<RetailSynth.Foundation.Errors.RetailSynthException>(() => UploadTarget.Parse("https://attacker.example/account/lake", connectionString, new BlobClientOptions()));
        var azure = UploadTarget.Parse("https://account.blob.core.windows.net/lake", connectionString, new BlobClientOptions());

        Assert.StartsWith("Refusing to send requests signed with the account key of Upload:ConnectionString to attacker.example:", error.Message, StringComparison.Ordinal);
        Assert.Equal("account key", azure.Authentication);
    }

    [Fact]
    public void A_sas_url_goes_to_its_own_host_whatever_it_is()
    {
        var target = UploadTarget.Parse("https://storage.contoso.com/account/lake?sv=2024-11-04&sr=c&sp=racwl&sig=c2VjcmV0", null, new BlobClientOptions());

        Assert.Equal("SAS", target.Authentication);
    }
}
