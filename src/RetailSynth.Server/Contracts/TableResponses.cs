namespace RetailSynth.Server.Contracts;

/// <summary>One table of the dataset and its row count (GET /api/tables).</summary>
public sealed record TableCount(string Name, string Group, long Rows);

/// <summary>GET /api/tables/{name}: the first rows in key order.</summary>
internal sealed record TablePreviewResponse(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);
