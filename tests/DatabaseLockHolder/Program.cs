using DuckDB.NET.Data;

// Usage: DatabaseLockHolder <database file>. Opens the file, prints "locked", holds it until stdin closes.
using var connection = new DuckDBConnection($"Data Source={args[0]}");
connection.Open();
Console.WriteLine("locked");
Console.Out.Flush();
Console.In.ReadToEnd();
