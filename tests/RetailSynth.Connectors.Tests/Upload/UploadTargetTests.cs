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
        var error = Assert.Throws<RetailSynth.Errors.RetailSynthException>(() => UploadTarget.Parse("lake/history", null, new BlobClientOptions()));

        Assert.Contains("set Upload:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
