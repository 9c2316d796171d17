using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Report;

/// <summary>A week of a reduced small profile, generated once per test class; each test breaks its own copy.</summary>
public sealed class ReportDatasetFixture : IDisposable
{
    public const int Days = 7;

    public static readonly DateOnly Start = new(2024, 1, 1);

    private readonly TempFolder _folder = new();

    public ReportDatasetFixture()
    {
        DatabasePath = _folder.File("generated.duckdb");
        ReducedWorld.Generate(ReducedWorld.Settings(DatabasePath), Days);
        using var database = RetailDatabase.OpenReadOnly(DatabasePath);
        Generated = new RealismScorecard().Run(database.Connection);
    }

    public string DatabasePath { get; }

    /// <summary>The scorecard of the data as generated, before any test breaks it.</summary>
    public RealismReport Generated { get; }

    /// <summary>A private copy of the generated database, opened for writing.</summary>
    public RetailDatabase OpenCopy()
    {
        var copy = _folder.File($"{Guid.NewGuid():N}.duckdb");
        File.Copy(DatabasePath, copy);
        return RetailDatabase.Open(copy);
    }

    public void Dispose() => _folder.Dispose();
}
