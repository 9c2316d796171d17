using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.Upload;
using RetailSynth.Jobs.Export;
using RetailSynth.Tests;

namespace RetailSynth.Connectors.Tests.Upload;

/// <summary>
/// Azurite plus a reduced dataset over the January/February month end (2024-01-30 … 2024-02-01) exported once to
/// Parquet, with a stray note and a temporary file that are not part of the export.
/// </summary>
public sealed class UploadFixture : IAsyncLifetime
{
    private TempFolder Folder { get; } = new();

    public AzuriteServer Azurite { get; } = new();

    public string DatabasePath => Folder.File("retail.duckdb");

    public string ExportFolder => Folder.File("export");

    public async Task InitializeAsync()
    {
        var azurite = Azurite.InitializeAsync();
        await Task.Run(() =>
        {
            ReducedWorld.Generate(ReducedWorld.Settings(DatabasePath, "2024-01-30"), 3);
            Export(ExportFolder);
        });
        File.WriteAllText(Path.Combine(ExportFolder, "notes.txt"), "not part of the export");
        File.WriteAllText(Path.Combine(ExportFolder, "dim_stores", ".dim_stores.parquet.0123.tmp"), "an export in progress");
        await azurite;
    }

    public ExportResult Export(string folder, IReadOnlyList<string>? tables = null, DateOnly? to = null, ExportFormat format = ExportFormat.Parquet) =>
        new ExportJob().Run(new ExportRequest(DatabasePath, folder, format, tables, null, to), _ => { }, CancellationToken.None);

    /// <summary>A private copy of the export, for tests that change files.</summary>
    public string CopyExport(TempFolder into)
    {
        var copy = into.File("export");
        foreach (var file in Directory.GetFiles(ExportFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ExportFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>MD5 as base64, the form of a blob's Content-MD5 (an integrity hash, not security).</summary>
    public static string Md5(string path)
    {
#pragma warning disable CA5351
        return Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(path)));
#pragma warning restore CA5351
    }

    public static UploadJob Job() => new(NullLogger<UploadJob>.Instance);

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        Folder.Dispose();
    }
}
