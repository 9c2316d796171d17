using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetailSynth.Storage;

/// <summary>
/// SHA-256 over every row of the given tables in key order (data-model §19.9): the determinism check
/// used by tests and benchmarks. Values are rendered invariantly, so equal hashes mean equal data.
/// </summary>
internal static class DatasetHasher
{
    public static string Hash(RetailDatabase database, IEnumerable<string> tables)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        foreach (var table in tables)
        {
            if (!DatasetTables.KeyOrder.TryGetValue(table, out var key))
            {
                throw new ArgumentException($"No key order is known for table '{table}'.", nameof(tables));
            }

            sha.AppendData(Encoding.UTF8.GetBytes($"#{table}\n"));
            using var command = database.Connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY {key}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                line.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    line.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                sha.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
