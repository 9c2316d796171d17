using k8s.Models;

namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>
/// Every overlay under deploy/kubernetes/overlays rendered with <c>kubectl kustomize</c> and parsed into typed models:
/// the rules every overlay holds (<see cref="DeploymentRules"/>), then what that overlay is for.
/// </summary>
public sealed class OverlayTests
{
    private static readonly string[] s_overlays = ["small", "large", "regions-3", "eventhubs", "kafka", "onelake", "large-regions-3-eventhubs-onelake"];

    [Fact]
    public void Every_overlay_in_the_repository_has_a_test_here()
    {
        var present = Directory.GetDirectories(Path.Combine(Repository.Kubernetes, "overlays")).Select(Path.GetFileName).Order();

        Assert.Equal(s_overlays.Order(), present);
    }

    [Fact]
    public void The_small_overlay_runs_one_small_region_into_the_file_sink_and_an_adls_lake_by_connection_string()
    {
        var manifests = RenderedManifests.Of("small");

        DeploymentRules.AssertHold(manifests);
        Assert.Equal(1, manifests.Regions());
        AssertSetting(manifests, "Simulation:Profile", "small");
        AssertSetting(manifests, "Streaming:Sink", "file");
        var export = Assert.Single(manifests.Job.Spec.Template.Spec.Containers);
        Assert.Equal("retailsynth/history", manifests.EnvironmentConfigMap(export).Data["UPLOAD_TARGET"]);
        AssertSecret(export, "Upload__ConnectionString", "retailsynth-lake", "connection-string");
        // The generating step never needs the lake's key.
        Assert.DoesNotContain(manifests.Job.Spec.Template.Spec.InitContainers.Single().Env, e => e.ValueFrom?.SecretKeyRef is not null);
    }

    [Fact]
    public void The_large_overlay_sets_the_large_profile_with_more_memory_and_disk_than_small()
    {
        var small = RenderedManifests.Of("small");
        var large = RenderedManifests.Of("large");

        DeploymentRules.AssertHold(large);
        AssertSetting(large, "Simulation:Profile", "large");
        var generateSmall = small.Job.Spec.Template.Spec.InitContainers.Single().Resources;
        var generateLarge = large.Job.Spec.Template.Spec.InitContainers.Single().Resources;
        Assert.True(generateLarge.Limits["memory"].ToDecimal() > generateSmall.Limits["memory"].ToDecimal());
        Assert.True(Claim(large).ToDecimal() > Claim(small).ToDecimal());
    }

    [Fact]
    public void The_regions_3_overlay_runs_three_history_indexes_and_three_streaming_ordinals_for_three_regions()
    {
        var manifests = RenderedManifests.Of("regions-3");

        DeploymentRules.AssertHold(manifests);
        Assert.Equal(3, manifests.Regions());
        Assert.Equal(3, manifests.Job.Spec.Completions);
        Assert.Equal(3, manifests.StatefulSet.Spec.Replicas);
        AssertSetting(manifests, "Simulation:Profile", "small");
    }

    [Fact]
    public void The_eventhubs_overlay_streams_to_event_hubs_with_the_connection_string_from_a_secret()
    {
        var manifests = RenderedManifests.Of("eventhubs");

        DeploymentRules.AssertHold(manifests);
        AssertSetting(manifests, "Streaming:Sink", "eventhubs");
        AssertSecret(manifests.StatefulSet.Spec.Template.Spec.Containers.Single(), "Streaming__EventHubs__ConnectionString", "retailsynth-sink", "eventhubs-connection-string");
    }

    [Fact]
    public void The_kafka_overlay_streams_to_kafka_over_sasl_with_the_password_from_a_secret()
    {
        var manifests = RenderedManifests.Of("kafka");

        DeploymentRules.AssertHold(manifests);
        AssertSetting(manifests, "Streaming:Sink", "kafka");
        AssertSetting(manifests, "Streaming:Kafka:SecurityProtocol", "sasl_ssl");
        var stream = manifests.StatefulSet.Spec.Template.Spec.Containers.Single();
        Assert.NotNull(manifests.Setting(manifests.StatefulSet.Spec.Template.Spec, stream, "Streaming:Kafka:BootstrapServers"));
        Assert.NotNull(manifests.Setting(manifests.StatefulSet.Spec.Template.Spec, stream, "Streaming:Kafka:Topic"));
        AssertSecret(stream, "Streaming__Kafka__SaslPassword", "retailsynth-sink", "kafka-sasl-password");
    }

    [Fact]
    public void The_onelake_overlay_uploads_to_a_fabric_lakehouse_with_workload_identity_and_no_secret()
    {
        var manifests = RenderedManifests.Of("onelake");

        DeploymentRules.AssertHold(manifests);
        var job = manifests.Job.Spec.Template;
        var export = job.Spec.Containers.Single();
        Assert.StartsWith("https://onelake.blob.fabric.microsoft.com/", manifests.EnvironmentConfigMap(export).Data["UPLOAD_TARGET"], StringComparison.Ordinal);
        Assert.DoesNotContain(export.Env, e => e.ValueFrom?.SecretKeyRef is not null);
        Assert.Equal("true", job.Metadata.Labels["azure.workload.identity/use"]);
        var account = Assert.Single(manifests.Objects.OfType<V1ServiceAccount>(), a => a.Metadata.Name == job.Spec.ServiceAccountName);
        Assert.True(account.Metadata.Annotations.ContainsKey("azure.workload.identity/client-id"));
    }

    [Fact]
    public void The_combined_overlay_composes_large_three_regions_event_hubs_and_onelake()
    {
        var manifests = RenderedManifests.Of("large-regions-3-eventhubs-onelake");

        DeploymentRules.AssertHold(manifests);
        Assert.Equal(3, manifests.Regions());
        AssertSetting(manifests, "Simulation:Profile", "large");
        AssertSetting(manifests, "Streaming:Sink", "eventhubs");
        Assert.StartsWith("https://onelake.", manifests.EnvironmentConfigMap(manifests.Job.Spec.Template.Spec.Containers.Single()).Data["UPLOAD_TARGET"], StringComparison.Ordinal);
        Assert.Equal(Claim(RenderedManifests.Of("large")), Claim(manifests));
    }

    /// <summary>Every container of the overlay receives <paramref name="key"/> = <paramref name="expected"/>.</summary>
    private static void AssertSetting(RenderedManifests manifests, string key, string expected) =>
        Assert.All(manifests.Containers, c => Assert.Equal(expected, manifests.Setting(c.Pod, c.Container, key)));

    private static void AssertSecret(V1Container container, string setting, string secret, string key)
    {
        var reference = DeploymentRules.Env(container, "RETAILSYNTH__" + setting).ValueFrom.SecretKeyRef;
        Assert.Equal(secret, reference.Name);
        Assert.Equal(key, reference.Key);
    }

    private static ResourceQuantity Claim(RenderedManifests manifests) =>
        manifests.StatefulSet.Spec.VolumeClaimTemplates.Single().Spec.Resources.Requests["storage"];
}
