using System.Security.Cryptography;
using System.Text.RegularExpressions;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Dashboard;

/// <summary>
/// The vendored Chart.js is the artefact npm publishes, unmodified: its SHA-256 is the one scripts/vendor/chartjs.sh
/// checks after <c>npm pack</c>, on disk and as the server sends it, under the strict Content-Security-Policy.
/// </summary>
public sealed partial class VendoredChartJsTests
{
    [Theory]
    [InlineData("chart.umd.min.js", "CHART_UMD_MIN_JS_SHA256")]
    [InlineData("chart.js.LICENSE.md", "LICENSE_SHA256")]
    public void Vendored_file_has_the_sha256_the_vendoring_script_records(string file, string variable)
    {
        var recorded = Recorded(variable);

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Vendor, file))));

        Assert.Equal(recorded, actual);
    }

    [Fact]
    public async Task Server_sends_the_vendored_chart_js_byte_for_byte_as_a_script_of_its_own_origin()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/vendor/chart.umd.min.js", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Recorded("CHART_UMD_MIN_JS_SHA256"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(SecurityHeadersMiddleware.StrictPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", SecurityHeadersMiddleware.StrictPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendored_chart_js_is_the_version_the_script_pins()
    {
        var version = ShellVariable().Matches(File.ReadAllText(Script)).Single(m => m.Groups[1].Value == "VERSION").Groups[2].Value;

        var banner = File.ReadLines(Path.Combine(Vendor, "chart.umd.min.js")).Take(3);

        Assert.Contains($" * Chart.js v{version}", banner);
    }

    private static string Root => RepositoryRoot.Path;

    private static string Script => Path.Combine(Root, "scripts", "vendor", "chartjs.sh");

    private static string Vendor => Path.Combine(Root, "src", "RetailSynth.Server", "wwwroot", "vendor");

    private static string Recorded(string variable)
    {
        var value = ShellVariable().Matches(File.ReadAllText(Script)).Single(m => m.Groups[1].Value == variable).Groups[2].Value;
        Assert.Matches("^[0-9a-f]{64}$", value);
        return value;
    }

    [GeneratedRegex("^([A-Z0-9_]+)=([^\\s]+)$", RegexOptions.Multiline)]
    private static partial Regex ShellVariable();
}
