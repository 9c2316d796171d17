using System.Text.Json;
using System.Text.Json.Nodes;

namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// <c>retailsynth.json</c> as a document a client edits (PUT /api/config, the dashboard's Settings page): validated
/// with the same loader as start-up, read back without its secrets, and written atomically. Secrets never travel
/// through a client: a document that names one is refused, and those the file already holds are carried over.
/// </summary>
public static class SettingsFile
{
    private static readonly JsonNodeOptions s_caseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>
    /// Every problem of <paramref name="json"/> as a configuration file, at once: not a JSON object, unknown keys
    /// (with "did you mean"), unconvertible and invalid values. Environment variables apply as at start-up, so a
    /// secret set there satisfies the settings that need it. Empty when the document is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(string json, IReadOnlyDictionary<string, string?> environment, DictionaryLimits limits)
    {
        if (Parse(json) is null)
        {
            return ["the configuration must be a JSON object that names each setting once (names ignore case), e.g. {\"Simulation\": {\"Seed\": 42}}"];
        }

        try
        {
            SettingsLoader.Load(new SettingsSources { ConfigJson = json, Environment = environment }, limits);
            return [];
        }
        catch (SettingsException invalid)
        {
            return invalid.Problems;
        }
    }

    /// <summary>The secret keys (<see cref="SettingsLoader.SecretKeys"/>) that <paramref name="json"/> gives a value.</summary>
    public static IReadOnlyList<string> SecretKeysIn(string json)
    {
        var document = Parse(json);
        if (document is null)
        {
            return [];
        }

        var secrets = SettingsLoader.SecretKeys();
        return [.. Leaves(document, null).Where(leaf => leaf.Value is not null && secrets.Contains(leaf.Key)).Select(leaf => Canonical(secrets, leaf.Key))];
    }

    /// <summary>The file's settings with every secret removed; an empty object when there is no file.</summary>
    public static JsonObject ReadWithoutSecrets(string path)
    {
        var document = File.Exists(path) ? Parse(File.ReadAllText(path)) ?? new JsonObject() : new JsonObject();
        foreach (var key in SettingsLoader.SecretKeys())
        {
            if (Find(document, key) is { Parent: JsonObject parent } node)
            {
                parent.Remove(node.GetPropertyName());
            }
        }

        return document;
    }

    /// <summary>
    /// Writes <paramref name="json"/> (validated by the caller, free of secrets) to <paramref name="path"/>, keeping the
    /// secrets the current file holds. Written to a temporary file beside it and renamed over it, so a reader sees the
    /// old file or the new one, never half of one; the old file's permissions are kept.
    /// </summary>
    public static void Write(string path, string json)
    {
        var document = Parse(json) ?? throw new ArgumentException("The configuration must be a JSON object.", nameof(json));
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath) && Parse(File.ReadAllText(fullPath)) is { } current)
        {
            foreach (var key in SettingsLoader.SecretKeys())
            {
                if (Find(current, key) is { } secret && Find(document, key) is null)
                {
                    Place(document, key, secret.DeepClone());
                }
            }
        }

        var temporary = $"{fullPath}.{ScratchName.Suffix()}.tmp";
        try
        {
            File.WriteAllText(temporary, document.ToJsonString(s_indented) + Environment.NewLine);
            if (!OperatingSystem.IsWindows() && File.Exists(fullPath))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(fullPath));
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The document as an object with case-insensitive names (configuration keys are), or null if it is none.</summary>
    private static JsonObject? Parse(string json)
    {
        try
        {
            var document = JsonNode.Parse(json, s_caseInsensitive, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
            if (document is not null)
            {
                _ = Leaves(document, null).Count(); // objects read their names lazily: read them all here, where a bad one is caught
            }

            return document;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // ArgumentException: a name given twice (configuration names ignore case); InvalidOperationException: a name
            // that is not valid UTF-16 (a lone surrogate escape).
            return null;
        }
    }

    /// <summary>Every leaf as a configuration key (<c>Streaming:EventHubs:ConnectionString</c>; array items by index).</summary>
    private static IEnumerable<(string Key, JsonNode? Value)> Leaves(JsonNode? node, string? prefix)
    {
        IEnumerable<(string, JsonNode?)> children = node switch
        {
            JsonObject obj => obj.Select(p => (Join(prefix, p.Key), p.Value)),
            JsonArray array => array.Select((item, i) => (Join(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), item)),
            _ => [],
        };
        if (node is not JsonObject and not JsonArray)
        {
            yield return (prefix ?? string.Empty, node);
            yield break;
        }

        foreach (var (key, child) in children)
        {
            foreach (var leaf in Leaves(child, key))
            {
                yield return leaf;
            }
        }
    }

    private static string Join(string? prefix, string name) => prefix is null ? name : $"{prefix}:{name}";

    private static string Canonical(IReadOnlySet<string> keys, string key) => keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? Find(JsonObject document, string key)
    {
        JsonNode? node = document;
        foreach (var name in key.Split(':'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void Place(JsonObject document, string key, JsonNode value)
    {
        var names = key.Split(':');
        var parent = document;
        foreach (var name in names[..^1])
        {
            if (!parent.TryGetPropertyValue(name, out var child) || child is null)
            {
                child = new JsonObject(s_caseInsensitive);
                parent[name] = child;
            }

            if (child is not JsonObject next)
            {
                return; // the new document gives the section another shape; its validation already judged it
            }

            parent = next;
        }

        parent[names[^1]] = value;
    }
}
