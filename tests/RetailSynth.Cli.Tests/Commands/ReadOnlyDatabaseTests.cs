using System.Diagnostics;
using System.Security.Cryptography;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>The commands that only read the database work on a read-only folder and change nothing in it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and chattr
public class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task Status_validate_outbox_reads_and_export_work_on_a_read_only_folder_and_leave_every_byte_as_it_was()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, "2024-03-01", stores: 2, extra: new Dictionary<string, string?> { ["CustomersPerStoreDay"] = "20" });
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--days", "2")).ExitCode);
        var folder = Path.GetDirectoryName(cli.DatabasePath)!;
        var before = Snapshot(folder);

        await using (await ReadOnlyFolder.MakeAsync(folder, cli.DatabasePath))
        {
            Assert.ThrowsAny<Exception>(() => File.WriteAllText(Path.Combine(folder, "probe"), "x")); // the folder really is read-only

            string[][] commands =
            [
                ["status"],
                ["validate"],
                ["outbox", "status"],
                ["outbox", "preview"],
                ["outbox", "dead"],
                ["export", "--tables", "dim_stores,fact_receipts", "--out", cli.File("export")],
            ];
            foreach (var command in commands)
            {
                var result = await cli.RunAsync(command);
                Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: {result.Error}");
            }
        }

        Assert.Equal(before, Snapshot(folder));
        Assert.NotEmpty(Directory.GetFiles(cli.File("export"), "*", SearchOption.AllDirectories));
    }

    /// <summary>Every entry under the folder with its size, modification time and content hash.</summary>
    private static List<string> Snapshot(string folder) =>
    [
        .. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
            File.Exists(path)
                ? $"{path} {new FileInfo(path).Length} {File.GetLastWriteTimeUtc(path):O} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}"
                : $"{path}/"),
    ];

    /// <summary>
    /// Tests run as root here, which chmod does not stop: the immutable attribute (chattr +i) does. Without the
    /// capability for it (not root), the permission bits suffice.
    /// </summary>
    private sealed class ReadOnlyFolder(string[] paths, bool immutable) : IAsyncDisposable
    {
        public static async Task<ReadOnlyFolder> MakeAsync(params string[] paths)
        {
            if (await RunAsync("chattr", ["+i", .. paths]))
            {
                return new ReadOnlyFolder(paths, immutable: true);
            }

            foreach (var path in paths)
            {
                File.SetUnixFileMode(path, Directory.Exists(path) ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead);
            }

            return new ReadOnlyFolder(paths, immutable: false);
        }

        public async ValueTask DisposeAsync()
        {
            if (immutable)
            {
                Assert.True(await RunAsync("chattr", ["-i", .. paths]));
                return;
            }

            foreach (var path in paths)
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private static async Task<bool> RunAsync(string file, string[] args)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, UseShellExecute = false })!;
                await process.WaitForExitAsync();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false; // no chattr on this system
            }
        }
    }
}
