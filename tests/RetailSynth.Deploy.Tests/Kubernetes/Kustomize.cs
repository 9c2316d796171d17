using System.Diagnostics;

namespace RetailSynth.Deploy.Tests.Kubernetes;

/// <summary>
/// Renders a Kustomize directory with the real <c>kubectl kustomize</c> (no cluster needed), installed by
/// <c>scripts/deps/kubectl.sh</c>, which <c>scripts/test.sh</c> runs first.
/// </summary>
internal static class Kustomize
{
    public static string Render(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("kubectl is not on PATH: run scripts/deps/kubectl.sh (scripts/test.sh does)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {directory} did not finish within 60 s");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} exited {process.ExitCode}: {error.Result}");
            }

            return output.Result;
        }
    }
}
