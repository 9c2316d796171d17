using System.Text.RegularExpressions;
using RetailSynth.Jobs;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Storage;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed partial class VersionApiTests
{
    [Fact]
    public async Task Version_names_the_product_version_the_git_commit_and_the_model_version()
    {
        await using var server = await RunningServer.StartAsync();

        var version = await server.GetJsonAsync("/version");

        Assert.Matches(SemanticVersion(), version.GetProperty("version").GetString());
        Assert.Matches(CommitOrUnknown(), version.GetProperty("commit").GetString());
        Assert.Equal(DatasetIdentity.ModelVersion, version.GetProperty("model_version").GetInt32());
        Assert.Equal(ProductVersion.Current.Commit, version.GetProperty("commit").GetString());
    }

    [Theory]
    [InlineData("1.0.0+394924ab4d92ae93b40d75bb14e77677307e9bbb", "1.0.0", "394924ab4d92ae93b40d75bb14e77677307e9bbb")]
    [InlineData("1.2.3", "1.2.3", ProductVersion.UnknownCommit)]
    [InlineData("1.2.3+", "1.2.3", ProductVersion.UnknownCommit)]
    [InlineData(null, "0.0.0", ProductVersion.UnknownCommit)]
    public void The_informational_version_splits_into_version_and_commit(string? informational, string version, string commit)
    {
        var parsed = ProductVersion.FromInformationalVersion(informational);

        Assert.Equal(version, parsed.Version);
        Assert.Equal(commit, parsed.Commit);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex("^([0-9a-f]{40}|unknown)$")]
    private static partial Regex CommitOrUnknown();
}
