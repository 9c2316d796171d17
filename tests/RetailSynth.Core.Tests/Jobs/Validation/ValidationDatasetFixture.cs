using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Validation;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Validation;

/// <summary>
/// A few days of a reduced small profile, generated once per test class through the real jobs; each test
/// breaks its own copy of the file.
/// </summary>
public sealed class ValidationDatasetFixture : IDisposable
{
    public const int Days = 4;

    private readonly TempFolder _folder = new();

    public ValidationDatasetFixture()
    {
        DatabasePath = _folder.File("generated.duckdb");
        ReducedWorld.Generate(ReducedWorld.Settings(DatabasePath), Days);

        using var database = OpenCopy();
        Generated = new DatasetValidator().Validate(database);
    }

    public string DatabasePath { get; }

    /// <summary>The report on the data as generated, before any test breaks it.</summary>
    public ValidationReport Generated { get; }

    /// <summary>A private copy of the generated database, opened.</summary>
    public RetailDatabase OpenCopy()
    {
        var copy = _folder.File($"{Guid.NewGuid():N}.duckdb");
        File.Copy(DatabasePath, copy);
        return RetailDatabase.Open(copy);
    }

    public void Dispose() => _folder.Dispose();
}
