using RetailSynth.Connectors.Upload;

namespace RetailSynth.Connectors.Tests.Upload;

public sealed class ExportFolderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("retailsynth-export-folder-");

    public void Dispose() => _folder.Delete(recursive: true);

    private void Write(string relative)
    {
        var path = Path.Combine(_folder.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public void Region_partitions_of_a_dataset_of_several_regions_are_uploaded_as_they_lie()
    {
        Write("dim_products/region=0/dim_products.parquet");
        Write("fact_receipt_lines/region=0/fact_receipt_lines_2024-10.parquet");
        Write("fact_receipt_lines/region=12/fact_receipt_lines_2024-10.parquet");
        Write("fact_receipt_lines/region=1/notes.txt");
        Write("fact_receipt_lines/month=1/fact_receipt_lines_2024-10.parquet");

        var files = ExportFolder.Files(_folder.FullName).Select(f => f.RelativePath);

        Assert.Equal(
            [
                "dim_products/region=0/dim_products.parquet",
                "fact_receipt_lines/region=0/fact_receipt_lines_2024-10.parquet",
                "fact_receipt_lines/region=12/fact_receipt_lines_2024-10.parquet",
            ],
            files);
    }
}
