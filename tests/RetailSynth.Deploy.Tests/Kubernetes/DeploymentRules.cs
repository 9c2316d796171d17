using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>
/// What every overlay must hold (scale-out.md §4 and §5): one region per Job index and per StatefulSet ordinal, as
/// many of each as Simulation:Regions says, a volume claim per ordinal, /health probes, resources, settings the product
/// binds, the image the project builds, and every secret by reference.
/// </summary>
internal static partial class DeploymentRules
{
    public const string CompletionIndex = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
    public const string PodIndex = "metadata.labels['apps.kubernetes.io/pod-index']";

    public static void AssertHold(RenderedManifests manifests)
    {
        var regions = manifests.Regions();
        HistoryJobRunsOneRegionPerIndex(manifests, regions);
        StreamingRunsOneRegionPerOrdinal(manifests, regions);
        ContainersAreSizedAndRunTheProjectImage(manifests);
        SettingsAreOnesTheProductBinds(manifests);
        SecretsAreOnlyReferenced(manifests);
    }

    public static void HistoryJobRunsOneRegionPerIndex(RenderedManifests manifests, int regions)
    {
        var job = manifests.Job.Spec;
        Assert.Equal("Indexed", job.CompletionMode);
        Assert.Equal(regions, job.Completions);
        Assert.Equal(regions, job.Parallelism);
        Assert.True(job.BackoffLimitPerIndex > 0, "backoffLimitPerIndex retries one region without touching the others");
        Assert.Equal("Never", job.Template.Spec.RestartPolicy); // backoffLimitPerIndex requires it

        var generate = Assert.Single(job.Template.Spec.InitContainers);
        Assert.Equal(["generate", "facts", "--region", "$(REGION)", "--to", "$(HISTORY_TO)"], generate.Args.Take(6));
        var export = Assert.Single(job.Template.Spec.Containers);
        Assert.Equal(["export", "--region", "$(REGION)", "--upload", "$(UPLOAD_TARGET)"], export.Args.Take(5));
        foreach (var container in new[] { generate, export })
        {
            Assert.Equal(CompletionIndex, Env(container, "REGION").ValueFrom.FieldRef.FieldPath);
        }

        // The two steps share the region's database on the pod's (ephemeral) disk.
        var data = Assert.Single(job.Template.Spec.Volumes, v => v.EmptyDir is not null && generate.VolumeMounts.Any(m => m.Name == v.Name && m.MountPath == generate.WorkingDir));
        Assert.Contains(export.VolumeMounts, m => m.Name == data.Name && m.MountPath == export.WorkingDir);
    }

    public static void StreamingRunsOneRegionPerOrdinal(RenderedManifests manifests, int regions)
    {
        var statefulSet = manifests.StatefulSet.Spec;
        Assert.Equal(regions, statefulSet.Replicas);
        var pod = statefulSet.Template.Spec;
        var stream = Assert.Single(pod.Containers);
        Assert.Equal(["serve", "--stream", "--region", "$(REGION)"], stream.Args.Take(4));
        Assert.Equal(PodIndex, Env(stream, "REGION").ValueFrom.FieldRef.FieldPath);

        // A volume claim per ordinal holds region k's database in the working directory.
        var claim = Assert.Single(statefulSet.VolumeClaimTemplates);
        Assert.Contains("ReadWriteOnce", claim.Spec.AccessModes);
        Assert.True(claim.Spec.Resources.Requests.ContainsKey("storage"));
        Assert.DoesNotContain(pod.Volumes, v => v.Name == claim.Metadata.Name);
        Assert.Contains(stream.VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath == stream.WorkingDir);

        // The headless Service names each pod.
        var service = Assert.Single(manifests.Services, s => s.Metadata.Name == statefulSet.ServiceName);
        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.All(service.Spec.Selector, label => Assert.Equal(label.Value, statefulSet.Template.Metadata.Labels[label.Key]));
        Assert.All(statefulSet.Selector.MatchLabels, label => Assert.Equal(label.Value, statefulSet.Template.Metadata.Labels[label.Key]));

        // Probes on /health, on the port the server listens on (Server:Urls).
        var port = Assert.Single(stream.Ports);
        var urls = manifests.Setting(pod, stream, "Server:Urls");
        Assert.Equal(port.ContainerPort, new Uri(urls!).Port);
        foreach (var probe in new[] { stream.LivenessProbe, stream.ReadinessProbe })
        {
            Assert.NotNull(probe?.HttpGet);
            Assert.StartsWith("/health", probe.HttpGet.Path, StringComparison.Ordinal);
            Assert.Equal(port.Name, probe.HttpGet.Port.Value);
            // Host filtering answers 400 to a Host it does not allow: the probe names one it does.
            var host = Assert.Single(probe.HttpGet.HttpHeaders, h => h.Name == "Host").Value;
            Assert.Contains(host, manifests.Setting(pod, stream, "Server:AllowedHosts")!.Split(';'));
        }

        // Beyond loopback the server requires an API key on mutating routes.
        Assert.NotNull(Env(stream, SettingsSources.EnvironmentPrefix + "Server__ApiKey").ValueFrom.SecretKeyRef);
    }

    public static void ContainersAreSizedAndRunTheProjectImage(RenderedManifests manifests)
    {
        var image = Repository.ContainerImage();
        foreach (var (workload, pod, container) in manifests.Containers)
        {
            var where = $"{workload}/{container.Name}";
            Assert.True(image == container.Image, $"{where} runs {container.Image}, the project builds {image}");
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{where} requests no {resource}");
                Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{where} has no {resource} limit");
            }

            // Each $(VAR) in the arguments is a variable the container defines, so Kubernetes expands it.
            var variables = (container.Env ?? []).Select(e => e.Name).Concat(manifests.EnvironmentConfigMap(container).Data.Keys).ToHashSet();
            foreach (Match reference in ArgumentVariable().Matches(string.Join(' ', container.Args)))
            {
                Assert.True(variables.Contains(reference.Groups[1].Value), $"{where}: {reference.Value} is not defined");
            }

            // --config names the mounted retailsynth.json.
            var config = container.Args[container.Args.IndexOf("--config") + 1];
            var mount = Assert.Single(container.VolumeMounts, m => m.Name == Assert.Single(pod.Volumes, v => v.ConfigMap is not null).Name);
            Assert.Equal($"{mount.MountPath}/{RenderedManifests.ConfigFile}", config);

            Assert.True(pod.SecurityContext.RunAsNonRoot, $"{where} may run as root");
        }
    }

    public static void SettingsAreOnesTheProductBinds(RenderedManifests manifests)
    {
        var known = SettingsLoader.KnownKeys();
        var prefix = SettingsSources.EnvironmentPrefix;
        var variables = manifests.Containers.SelectMany(c => c.Container.Env ?? []).Select(e => e.Name)
            .Concat(manifests.ConfigMaps.SelectMany(c => c.Data.Keys))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var variable in variables)
        {
            var key = variable[prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            Assert.True(known.Contains(key), $"{variable} names no setting of the product");
        }

        foreach (var file in manifests.ConfigMaps.Where(c => c.Data.ContainsKey(RenderedManifests.ConfigFile)))
        {
            using var json = JsonDocument.Parse(file.Data[RenderedManifests.ConfigFile]);
            foreach (var key in Leaves(json.RootElement, null))
            {
                Assert.True(known.Contains(key), $"{RenderedManifests.ConfigFile} sets {key}, which is no setting of the product");
            }
        }
    }

    public static void SecretsAreOnlyReferenced(RenderedManifests manifests)
    {
        var secrets = SettingsLoader.SecretKeys();
        var prefix = SettingsSources.EnvironmentPrefix;
        bool IsSecret(string variable) =>
            variable.StartsWith(prefix, StringComparison.Ordinal) && secrets.Contains(variable[prefix.Length..].Replace("__", ":", StringComparison.Ordinal));

        foreach (var (workload, _, container) in manifests.Containers)
        {
            foreach (var env in container.Env ?? [])
            {
                if (IsSecret(env.Name))
                {
                    Assert.True(env.Value is null && env.ValueFrom?.SecretKeyRef is not null, $"{workload}/{container.Name}: {env.Name} is not a secretKeyRef");
                }

                Assert.False(env.Value is not null && LooksLikeCredential(env.Value), $"{workload}/{container.Name}: {env.Name} holds a credential inline");
            }
        }

        foreach (var map in manifests.ConfigMaps)
        {
            foreach (var (key, value) in map.Data)
            {
                Assert.False(IsSecret(key), $"ConfigMap {map.Metadata.Name} sets the secret {key}");
                Assert.False(LooksLikeCredential(value), $"ConfigMap {map.Metadata.Name} holds a credential in {key}");
            }

            if (map.Data.TryGetValue(RenderedManifests.ConfigFile, out var file))
            {
                using var json = JsonDocument.Parse(file);
                Assert.DoesNotContain(Leaves(json.RootElement, null), secrets.Contains);
            }
        }

        foreach (var secret in manifests.Secrets)
        {
            Assert.True((secret.Data?.Count ?? 0) == 0 && (secret.StringData?.Count ?? 0) == 0, $"Secret {secret.Metadata.Name} carries data in the manifests");
        }
    }

    public static V1EnvVar Env(V1Container container, string name) => Assert.Single(container.Env ?? [], e => e.Name == name);

    /// <summary>A storage key, a shared access key or signature, or a password written as a value.</summary>
    private static bool LooksLikeCredential(string value) => Credential().IsMatch(value);

    private static IEnumerable<string> Leaves(JsonElement element, string? prefix) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix is null ? p.Name : $"{prefix}:{p.Name}"))
        : [prefix ?? string.Empty];

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex ArgumentVariable();

    [GeneratedRegex(@"AccountKey=|SharedAccessKey=|SharedAccessSignature=|[?&]sig=|password=", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
