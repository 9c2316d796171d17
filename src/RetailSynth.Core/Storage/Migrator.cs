using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// Applies the embedded, versioned SQL migrations (<c>Storage/Migrations/NNN_name.sql</c>) in order,
/// each in its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
internal static class Migrator
{
    private const string ResourcePrefix = "Migrations/";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[ResourcePrefix.Length..^".sql".Length];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (Version: int.Parse(name[..3], System.Globalization.CultureInfo.InvariantCulture), Name: name, Sql: reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>How many embedded migrations the file lacks, without writing (a read-only open cannot apply them).</summary>
    public static int Pending(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return Embedded().Count;
        }

        var applied = Applied(connection);
        return Embedded().Count(m => !applied.Contains(m.Version));
    }

    public static void Apply(DuckDBConnection connection)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var applied = Applied(connection);
        foreach (var (version, name, sql) in Embedded().Where(m => !applied.Contains(m.Version)))
        {
            using var transaction = connection.BeginTransaction();
            try
            {
                connection.Execute(sql);
            }
            catch (DuckDBException ex)
            {
                // The transaction rolls back on dispose: the file keeps its previous schema and every row.
                throw new RetailSynthException(
                    $"The database could not be upgraded to schema version {version} ({name}), so it was left as it was: {ex.Message.Split('\n')[0].Trim()}", ex);
            }

            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations VALUES ($version, $name, now())";
            record.Parameters.Add(new DuckDBParameter("version", version));
            record.Parameters.Add(new DuckDBParameter("name", name));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>The versions <c>schema_migrations</c> records as applied.</summary>
    private static HashSet<int> Applied(DuckDBConnection connection) =>
        [.. connection.ReadRows("SELECT version FROM schema_migrations", reader => reader.GetInt32(0))];
}
