namespace RetailSynth.Jobs.Schema;

/// <summary>The wire names of <see cref="SchemaKind"/> (<c>kql</c>, <c>json-schema</c>, <c>asyncapi</c>) as the CLI and the API take them.</summary>
public static class SchemaKinds
{
    public static IReadOnlyList<string> Names { get; } = ["kql", "json-schema", "asyncapi"];

    public static string Name(SchemaKind kind) => Names[(int)kind];

    /// <summary>Exact, lower-case names only, so a URL or script names one document one way.</summary>
    public static bool TryParse(string? name, out SchemaKind kind)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        kind = index < 0 ? default : (SchemaKind)index;
        return index >= 0;
    }

    /// <summary>The sentence a host prints for a name that is none of them.</summary>
    public static string Unknown(string? name) => $"unknown schema kind '{name}'; expected one of {string.Join(", ", Names)}";
}
