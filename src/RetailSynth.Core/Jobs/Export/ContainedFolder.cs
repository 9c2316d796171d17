namespace RetailSynth.Jobs.Export;

/// <summary>
/// Whether a folder lies inside another once symbolic links are followed, as the operating system would follow them when
/// the export writes there: a lexical check alone lets <c>out/link</c> (a link to <c>/etc</c>) escape.
/// </summary>
public static class ContainedFolder
{
    /// <summary>Linux gives up after 40 links in one lookup (ELOOP); so does this, and a loop counts as outside.</summary>
    private const int MaxLinks = 40;

    /// <summary>True when <paramref name="path"/>, with every link along it resolved, lies strictly below <paramref name="root"/> (resolved the same way).</summary>
    public static bool IsInside(string root, string path)
    {
        var realRoot = RealPath(Path.GetFullPath(root));
        var realPath = RealPath(Path.GetFullPath(path));
        return realRoot is not null
            && realPath is not null
            && realPath.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="fullPath"/> with every existing link replaced by its target, one component at a time (a '..' after a
    /// link climbs from the link's target, as the kernel does); components that do not exist yet are kept as written.
    /// Null when the links loop.
    /// </summary>
    public static string? RealPath(string fullPath)
    {
        var current = Path.GetPathRoot(fullPath) ?? string.Empty;
        var pending = new Stack<string>(Components(fullPath[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            foreach (var component in Components(target).Reverse())
            {
                pending.Push(component);
            }
        }

        return current;
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
