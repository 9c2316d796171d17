namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>The rules catch what they are there for: each test breaks one thing in a rendered overlay.</summary>
public sealed class RuleViolationTests
{
    [Fact]
    public void A_job_with_fewer_completions_than_regions_is_caught()
    {
        var yaml = Kustomize.Render(Repository.Overlay("regions-3")).Replace("completions: 3", "completions: 2", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => DeploymentRules.AssertHold(RenderedManifests.Parse("regions-3", yaml)));
    }

    [Fact]
    public void A_connection_string_written_inline_instead_of_a_secret_reference_is_caught()
    {
        var manifests = RenderedManifests.Of("eventhubs");
        var env = DeploymentRules.Env(manifests.StatefulSet.Spec.Template.Spec.Containers.Single(), "RETAILSYNTH__Streaming__EventHubs__ConnectionString");
        env.ValueFrom = null;
        env.Value = "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc;EntityPath=retail";

        Assert.ThrowsAny<Exception>(() => DeploymentRules.SecretsAreOnlyReferenced(manifests));
    }

    [Fact]
    public void A_setting_name_the_product_does_not_bind_is_caught()
    {
        var yaml = Kustomize.Render(Repository.Overlay("small")).Replace("RETAILSYNTH__Streaming__Sink:", "RETAILSYNTH__Streaming__Sinks:", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => DeploymentRules.SettingsAreOnesTheProductBinds(RenderedManifests.Parse("small", yaml)));
    }
}
