using System.Text.RegularExpressions;
using NetArchTest.Rules;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Architecture;

/// <summary>
/// docs/architecture.md: Core's folders are layers, bottom to top, and every arrow points down. A folder may use
/// itself and the folders below it; folders on one row are siblings and use neither each other nor anything above.
/// </summary>
public class LayerTests
{
    /// <summary>Bottom to top; each row's namespaces are siblings.</summary>
    public static readonly string[][] Layers =
    [
        ["RetailSynth.Domain"],
        ["RetailSynth.Foundation.Errors"],
        ["RetailSynth.Foundation.Randomness", "RetailSynth.Foundation.Geo", "RetailSynth.Foundation.Diagnostics"],
        ["RetailSynth.Foundation.Configuration"],
        ["RetailSynth.Reference"],
        ["RetailSynth.Engine.Calendar", "RetailSynth.Engine.Logistics"],
        ["RetailSynth.Engine.Planning"],
        ["RetailSynth.Engine.Dimensions"],
        ["RetailSynth.Engine.Events"],
        ["RetailSynth.Engine.Simulation"],
        ["RetailSynth.Storage"],
        ["RetailSynth.Storage.Outbox"],
        ["RetailSynth.Streaming.Sinks"],
        ["RetailSynth.Streaming.Relay"],
        ["RetailSynth.Jobs"],
        ["RetailSynth.Jobs.Export", "RetailSynth.Jobs.Validation", "RetailSynth.Jobs.Streaming", "RetailSynth.Jobs.Report", "RetailSynth.Jobs.Schema"],
        ["RetailSynth.Composition"],
    ];

    private static readonly System.Reflection.Assembly s_core = typeof(RetailDatabase).Assembly;

    public static TheoryData<string> Folders() => [.. Layers.SelectMany(row => row)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_no_folder_above_it_nor_a_sibling(string folder)
    {
        var row = Array.FindIndex(Layers, r => r.Contains(folder));
        var forbidden = Layers.Skip(row + 1).SelectMany(r => r).Concat(Layers[row].Where(f => f != folder))
            .Where(f => !folder.StartsWith(f + ".", StringComparison.Ordinal)).ToArray();

        var result = Types.InAssembly(s_core)
            .That().ResideInNamespaceMatching($"^{Regex.Escape(folder)}(\\..*)?$")
            .And().DoNotResideInNamespaceMatching(NestedFolders(folder))
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"{folder} uses a folder above it or a sibling ({string.Join(", ", forbidden)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_core_type_lives_in_a_layer()
    {
        var folders = Layers.SelectMany(row => row).ToArray();
        var outside = s_core.GetTypes()
            .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("System", StringComparison.Ordinal) && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal))
            .Where(t => !folders.Any(f => t.Namespace == f || t.Namespace!.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Core_references_no_host_nor_connector()
    {
        var referenced = s_core.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, name => name is "RetailSynth.Connectors" or "RetailSynth.Server" or "retailsynth" or "RetailSynth.Cli");
    }

    /// <summary>Folders listed separately below <paramref name="folder"/> (Storage.Outbox under Storage) are checked on their own.</summary>
    private static string NestedFolders(string folder)
    {
        var nested = Layers.SelectMany(row => row).Where(f => f.StartsWith(folder + ".", StringComparison.Ordinal)).ToList();
        return nested.Count == 0 ? "^$" : $"^({string.Join("|", nested.Select(Regex.Escape))})(\\..*)?$";
    }
}
