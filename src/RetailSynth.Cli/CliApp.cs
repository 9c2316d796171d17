using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli;

/// <summary>The <c>retailsynth</c> command tree and its error policy: one readable line, non-zero exit, no stack trace unless --verbose.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton<CommandRuntime>();
        services.AddSingleton<StageReporter>();
        services.AddSingleton(TimeProvider.System);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("retailsynth");
            config.ConfigureConsole(environment.Out);
            config.PropagateExceptions();
            config.UseStrictParsing(); // an unknown option is an error, never silently ignored
            config.AddBranch("generate", generate =>
            {
                generate.SetDescription("Generate dimensions or historical facts into the database.");
                generate.AddCommand<GenerateDimensionsCommand>("dimensions")
                    .WithDescription("Build the six dimension tables (refused while facts exist unless --force).");
                generate.AddCommand<GenerateFactsCommand>("facts")
                    .WithDescription("Generate historical days from the watermark: --days N or --to yyyy-MM-dd.");
            });
            config.AddCommand<StreamCommand>("stream")
                .WithDescription("Stream day after day through the outbox to a sink (file, stdout, eventhubs, kafka).");
            config.AddBranch("outbox", outbox =>
            {
                outbox.SetDescription("Inspect and manage the streaming outbox.");
                outbox.AddCommand<OutboxStatusCommand>("status").WithDescription("Counts by status, backlog, the day being drained.");
                outbox.AddCommand<OutboxPreviewCommand>("preview").WithDescription("Rows in outbox order (--status, --order, --limit, --bodies).");
                outbox.AddCommand<OutboxDeadCommand>("dead").WithDescription("Dead-lettered events.");
                outbox.AddCommand<OutboxRequeueDeadCommand>("requeue-dead").WithDescription("Dead events back to pending (refused while a day drains).");
                outbox.AddCommand<OutboxClearCommand>("clear").WithDescription("Discard every outbox row; facts stay.");
                outbox.AddCommand<OutboxDrainCommand>("drain").WithDescription("Send every pending event (--sink), simulate no new day, then exit with the counts.");
            });
            config.AddBranch("sink", sink =>
            {
                sink.SetDescription("Check the streaming sink.");
                sink.AddCommand<SinkTestCommand>("test").WithDescription("Probe the sink (--sink) without sending an event; exit 1 naming the classified failure.");
            });
            config.AddCommand<DemoCommand>("demo").WithDescription("The main job on embedded defaults: dimensions and a week of history, then a summary.");
            config.AddBranch("dataset", dataset =>
            {
                dataset.SetDescription("Manage the dataset in the database.");
                dataset.AddCommand<DatasetDeleteCommand>("delete")
                    .WithDescription("Delete dimensions, facts, outbox and simulator state; --confirm must be the dataset id (see `status`).");
            });
            config.AddBranch("config", configuration =>
            {
                configuration.SetDescription("Check the configuration.");
                configuration.AddCommand<ConfigValidateCommand>("validate")
                    .WithDescription("Validate retailsynth.json (or --config FILE) with the environment, reporting every problem at once.");
            });
            config.AddCommand<StatusCommand>("status").WithDescription("Show what the database holds.");
            config.AddCommand<ValidateCommand>("validate").WithDescription("Check every data-model invariant on the database; exit 1 on a violation.");
            config.AddCommand<ReportCommand>("report").WithDescription("The realism scorecard over committed days (--from/--to); exit 1 when a judged band falls short, unless --no-fail.");
            config.AddCommand<SchemaCommand>("schema").WithDescription("The landing kit: kql, json-schema or asyncapi, printed or written with --out DIR.");
            config.AddCommand<ExportCommand>("export").WithDescription("Export tables to Parquet or CSV files, facts one file per table and month.");
            config.AddCommand<UploadCommand>("upload").WithDescription("Upload an export folder to Azure Blob Storage, ADLS Gen2 or OneLake; unchanged files are skipped.");
            config.AddCommand<ServeCommand>("serve").WithDescription("The HTTP API and dashboard (default http://127.0.0.1:8000).");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure generation: dimensions, simulator, end to end and the raw Appender baseline.");
        });

        if (args is ["--version"])
        {
            environment.Out.WriteLine(Jobs.ProductVersion.Current.ToString());
            return ExitOk;
        }

        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("Cancelled: the interrupted step was rolled back; everything finished before it (for example whole days) is kept.");
            return ExitCancelled;
        }
        catch (RetailSynthException ex)
        {
            WriteError(environment, RefusalWording.Instance.Describe(ex), verbose ? ex : null);
            return ExitFailed;
        }
        catch (CommandAppException ex)
        {
            WriteError(environment, ex.Message, verbose ? ex : null);
            return ExitUsage;
        }
        catch (Exception ex)
        {
            // --verbose adds the stack trace; it must never turn the failure into an unhandled crash (exit 134).
            var hint = verbose ? string.Empty : " (rerun with --verbose for details)";
            WriteError(environment, $"Unexpected failure: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}{hint}", verbose ? ex : null);
            return ExitFailed;
        }
    }

    private static void WriteError(CliEnvironment environment, string message, Exception? details)
    {
        environment.Error.Profile.Width = Math.Max(environment.Error.Profile.Width, message.Length + 10);
        environment.Error.WriteLine($"error: {message}", new Style(Color.Red));
        if (details is not null)
        {
            environment.Error.WriteLine(details.ToString());
        }
    }
}
