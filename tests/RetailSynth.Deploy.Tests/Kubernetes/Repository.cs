using System.Xml.Linq;

namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>Paths in the repository under test, found from the test assembly upwards.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string Overlay(string name) => Path.Combine(Kubernetes, "overlays", name);

    /// <summary>The image <c>dotnet publish -t:PublishContainer</c> builds: ContainerRepository:ContainerImageTag of the CLI project.</summary>
    public static string ContainerImage()
    {
        var project = XDocument.Load(Path.Combine(Root, "src", "RetailSynth.Cli", "RetailSynth.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value.Trim();
        return $"{Property("ContainerRepository")}:{Property("ContainerImageTag")}";
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RetailSynth.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no RetailSynth.slnx above {AppContext.BaseDirectory}");
    }
}
