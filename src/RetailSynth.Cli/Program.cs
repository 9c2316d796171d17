using System.Runtime.InteropServices;
using RetailSynth.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C cancels gracefully (the current day rolls back); a second one kills the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

// SIGTERM (kill, docker stop, systemd) stops as gracefully as Ctrl-C: without this the runtime ends the process
// at once and the database stays behind with its WAL and temp folder.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
