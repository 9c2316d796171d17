using Microsoft.Extensions.Configuration;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public class SectionBinderTests
{
    private sealed class PinOptions
    {
        [Secret]
        public int Pin { get; set; } = 1234;

        public int Retries { get; set; } = 3;
    }

    [Fact]
    public void A_secret_value_the_binder_cannot_convert_is_reported_without_echoing_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Lock:Pin"] = "s3cret-pin", ["Lock:Retries"] = "x9" })
            .Build();
        var options = new PinOptions();
        var problems = new List<string>();

        SectionBinder.Bind(configuration, "Lock", options, problems);

        Assert.Equal(
            ["Lock:Pin must be a whole number (32-bit), got a value that is not shown", "Lock:Retries must be a whole number (32-bit), got 'x9'"],
            problems);
        Assert.Equal(1234, options.Pin);
    }

    [Fact]
    public void Secrets_are_redacted_and_every_other_setting_is_listed()
    {
        var server = new ServerOptions { ApiKey = "0123456789abcdef-secret" };

        var values = SectionBinder.Redacted("Server", server).ToDictionary();

        Assert.Equal("***", values["Server:ApiKey"]);
        Assert.Equal(ServerOptions.DefaultUrls, values["Server:Urls"]);
        Assert.Equal(["Server:Urls", "Server:ApiKey", "Server:AllowedHosts"], SectionBinder.Keys("Server", server));
    }
}
