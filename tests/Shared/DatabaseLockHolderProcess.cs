using System.Diagnostics;

namespace RetailSynth.Tests;

/// <summary>Starts the DatabaseLockHolder tool: a real second process holding a DuckDB file open.</summary>
public sealed class DatabaseLockHolderProcess : IDisposable
{
    private readonly Process _process;

    public DatabaseLockHolderProcess(string databasePath)
    {
        var tool = System.IO.Path.Combine(AppContext.BaseDirectory, "DatabaseLockHolder.dll");
        _process = Process.Start(new ProcessStartInfo("dotnet", [tool, databasePath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var line = _process.StandardOutput.ReadLine();
        if (line != "locked")
        {
            throw new InvalidOperationException($"Lock holder did not start: {line} {_process.StandardError.ReadToEnd()}");
        }
    }

    public int ProcessId => _process.Id;

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
