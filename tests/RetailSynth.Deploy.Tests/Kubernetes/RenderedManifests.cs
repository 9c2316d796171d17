using System.Text.Json;
using k8s;
using k8s.Models;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>
/// One overlay as <c>kubectl kustomize</c> renders it, parsed into the Kubernetes client's typed models, with the
/// questions the tests ask of it: the workloads, and the RetailSynth settings the pods receive.
/// </summary>
internal sealed class RenderedManifests
{
    public const string HistoryJob = "retailsynth-history";
    public const string StreamingStatefulSet = "retailsynth-stream";
    public const string ConfigFile = "retailsynth.json";

    private RenderedManifests(string name, IReadOnlyList<object> objects)
    {
        Name = name;
        Objects = objects;
    }

    public string Name { get; }

    public IReadOnlyList<object> Objects { get; }

    public V1Job Job => Objects.OfType<V1Job>().Single(j => j.Metadata.Name == HistoryJob);

    public V1StatefulSet StatefulSet => Objects.OfType<V1StatefulSet>().Single(s => s.Metadata.Name == StreamingStatefulSet);

    public IEnumerable<V1ConfigMap> ConfigMaps => Objects.OfType<V1ConfigMap>();

    public IEnumerable<V1Secret> Secrets => Objects.OfType<V1Secret>();

    public IEnumerable<V1Service> Services => Objects.OfType<V1Service>();

    /// <summary>Every pod template with the containers it runs (init containers first, in the order they run).</summary>
    public IEnumerable<(string Workload, V1PodSpec Pod, V1Container Container)> Containers =>
        new[] { (HistoryJob, Job.Spec.Template.Spec), (StreamingStatefulSet, StatefulSet.Spec.Template.Spec) }
            .SelectMany(w => (w.Item2.InitContainers ?? []).Concat(w.Item2.Containers).Select(c => (w.Item1, w.Item2, c)));

    /// <summary>The settings ConfigMap a container's <c>envFrom</c> names (Kustomize gives it a hash suffix).</summary>
    public V1ConfigMap EnvironmentConfigMap(V1Container container)
    {
        var name = Assert.Single(container.EnvFrom ?? [], e => e.ConfigMapRef is not null).ConfigMapRef.Name;
        return ConfigMaps.Single(c => c.Metadata.Name == name);
    }

    /// <summary>The ConfigMap mounted as the pods' configuration folder, holding <c>retailsynth.json</c>.</summary>
    public V1ConfigMap ConfigFileMap(V1PodSpec pod)
    {
        var name = Assert.Single(pod.Volumes, v => v.ConfigMap is not null).ConfigMap.Name;
        return ConfigMaps.Single(c => c.Metadata.Name == name);
    }

    /// <summary>
    /// A setting as a container receives it: its own <c>env</c> first, then its <c>envFrom</c> ConfigMap, then
    /// <c>retailsynth.json</c> (the environment wins over the file, api.md §4). Null when none sets it.
    /// </summary>
    public string? Setting(V1PodSpec pod, V1Container container, string key)
    {
        var variable = SettingsSources.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
        if (container.Env?.FirstOrDefault(e => e.Name == variable) is { } env)
        {
            return env.Value ?? "(from a reference)";
        }

        if (EnvironmentConfigMap(container).Data.TryGetValue(variable, out var fromConfigMap))
        {
            return fromConfigMap;
        }

        using var file = JsonDocument.Parse(ConfigFileMap(pod).Data[ConfigFile]);
        var node = file.RootElement;
        foreach (var name in key.Split(':'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return null;
            }
        }

        return node.ToString();
    }

    /// <summary>Simulation:Regions as the containers receive it (default 1); every container must agree.</summary>
    public int Regions()
    {
        var values = Containers.Select(c => Setting(c.Pod, c.Container, "Simulation:Regions") ?? "1").Distinct().ToList();
        return int.Parse(Assert.Single(values), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static RenderedManifests Of(string overlay) => Parse(overlay, Kustomize.Render(Repository.Overlay(overlay)));

    public static RenderedManifests Parse(string name, string yaml) => new(name, KubernetesYaml.LoadAllFromString(yaml));
}
