namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>The repository's root: the first folder above the test binaries that holds RetailSynth.slnx.</summary>
public static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "RetailSynth.slnx")))
                {
                    return folder.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
