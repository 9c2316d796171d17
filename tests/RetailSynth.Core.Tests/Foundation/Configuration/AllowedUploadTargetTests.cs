using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Reference;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public sealed class AllowedUploadTargetTests
{
    private static AllowedUploadTarget Parse(string text)
    {
        var problems = new List<string>();
        var entry = Assert.Single(AllowedUploadTarget.ParseList(text, "Upload:AllowedTargets", problems));
        Assert.Empty(problems);
        return entry;
    }

    [Theory]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "https://127.0.0.1:10000/devstoreaccount1/lake", true)]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "https://127.0.0.1:10000/devstoreaccount1", true)]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "https://127.0.0.1:10000/devstoreaccount10/lake", false)]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10000/devstoreaccount1/lake", false)]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "https://127.0.0.1:10001/devstoreaccount1/lake", false)]
    [InlineData("https://storage.contoso.com/", "https://STORAGE.contoso.com/lake", true)]
    [InlineData("127.0.0.1:10000", "http://127.0.0.1:10000/devstoreaccount1/lake", true)]
    [InlineData("127.0.0.1:10000", "http://127.0.0.1:10001/devstoreaccount1/lake", false)]
    [InlineData("storage.contoso.com", "https://storage.contoso.com:8443/lake", true)]
    [InlineData("storage.contoso.com", "https://storage.contoso.com.attacker.example/lake", false)]
    [InlineData("storage.contoso.com:443", "https://storage.contoso.com/lake", true)]
    [InlineData("storage.contoso.com:443", "https://storage.contoso.com:8443/lake", false)]
    public void An_entry_matches_its_host_and_the_paths_under_its_prefix(string entry, string url, bool matches)
    {
        Assert.Equal(matches, Parse(entry).Matches(new Uri(url)));
    }

    [Fact]
    public void Entries_are_separated_by_semicolons()
    {
        var problems = new List<string>();

        var entries = AllowedUploadTarget.ParseList(" 127.0.0.1:10000 ; https://storage.contoso.com/lake ;", "Upload:AllowedTargets", problems);

        Assert.Empty(problems);
        Assert.Equal(["127.0.0.1:10000", "https://storage.contoso.com/lake"], entries.Select(e => e.Text));
    }

    [Theory]
    [InlineData("ftp://storage.contoso.com/lake", "is not a host (name or name:port) or an http(s) URL prefix")]
    [InlineData("storage.contoso.com/lake", "is not a host (name or name:port) or an http(s) URL prefix")]
    [InlineData("https://user@storage.contoso.com", "is not a host (name or name:port) or an http(s) URL prefix")]
    [InlineData("https://storage.contoso.com/lake?sv=1&sig=c2VjcmV0", "has a query")]
    public void A_bad_entry_is_a_start_up_problem_that_never_echoes_a_query(string entry, string expected)
    {
        var problems = new List<string>();
        new UploadOptions { AllowedTargets = entry }.Validate("Upload", problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Upload:AllowedTargets: '", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_refuse_to_load_with_a_bad_entry_and_load_the_good_ones()
    {
        using var folder = new TempFolder();
        RetailSynthSettings Load(string value) => SettingsLoader.Load(
            new SettingsSources { WorkingDirectory = folder.Path, Environment = new Dictionary<string, string?> { ["RETAILSYNTH__Upload__AllowedTargets"] = value } },
            ReferenceDictionaries.LoadEmbedded().Limits);

        var error = Assert.Throws<SettingsException>(() => Load("127.0.0.1:10000;ftp://nope"));
        var settings = Load("127.0.0.1:10000;https://storage.contoso.com/lake");

        Assert.Equal("Upload:AllowedTargets: 'ftp://nope' is not a host (name or name:port) or an http(s) URL prefix", Assert.Single(error.Problems));
        Assert.Equal(["127.0.0.1:10000", "https://storage.contoso.com/lake"], settings.Upload.AllowList().Select(e => e.Text));
    }
}
