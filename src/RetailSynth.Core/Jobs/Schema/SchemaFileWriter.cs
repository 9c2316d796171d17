using System.Text;

namespace RetailSynth.Jobs.Schema;

/// <summary>
/// Writes a kit's files into a folder all or nothing: every file goes to a temporary name first and is renamed into
/// place only when all of them were written, so a folder that cannot be written keeps no half set (and a folder this
/// call created is removed again).
/// </summary>
public static class SchemaFileWriter
{
    /// <summary>Writes <paramref name="documents"/> into <paramref name="folder"/>; returns the full paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<SchemaDocument> documents)
    {
        var full = Path.GetFullPath(folder);
        var created = !Directory.Exists(full);
        var temporary = new List<(string Temp, string Final)>();
        try
        {
            Directory.CreateDirectory(full);
            foreach (var document in documents)
            {
                var final = Path.Combine(full, document.FileName);
                if (Directory.Exists(final))
                {
                    // Found before any file moves into place: a rename over a folder would fail half-way through the set.
                    throw new IOException($"'{final}' is a folder.");
                }

                var temp = ScratchName.TemporaryFor(final);
                temporary.Add((temp, final));
                File.WriteAllText(temp, document.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            foreach (var (temp, final) in temporary)
            {
                File.Move(temp, final, overwrite: true);
            }

            return [.. temporary.Select(t => t.Final)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Clean(full, created, temporary.Select(t => t.Temp));
            throw new RetailSynthException($"Cannot write the schema files to '{full}': {ex.Message.Split('\n')[0]}", ex);
        }
    }

    private static void Clean(string folder, bool created, IEnumerable<string> temps)
    {
        try
        {
            foreach (var temp in temps.Where(File.Exists))
            {
                File.Delete(temp);
            }

            if (created && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is the one to report.
        }
    }
}
