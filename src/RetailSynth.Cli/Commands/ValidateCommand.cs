using RetailSynth.Jobs.Validation;
using RetailSynth.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary><c>retailsynth validate</c>: runs every invariant check; exits 1 when an error-severity check fails (warnings do not).</summary>
public sealed class ValidateCommand(CommandRuntime runtime, StageReporter stages) : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var path = options.Storage.DatabasePath;
        if (!File.Exists(path))
        {
            throw new RetailSynthException($"There is no database at '{path}' to validate; run `retailsynth generate dimensions` to create one.");
        }

        using var database = RetailDatabase.OpenReadOnly(path);
        ModelVersionGuard.RequireCurrentModelVersion(database); // refused on its own line, before any stage starts
        var report = await stages.RunAsync("validate", reportStage => Task.Run(() =>
        {
            var family = 0;
            return new DatasetValidator().Validate(database, check =>
            {
                // One stage per family: a live status on a terminal, a handful of lines when redirected.
                if (check.Family != family)
                {
                    family = check.Family;
                    reportStage($"family {family}, {InvariantCatalog.Families[family]}");
                }
            }, cancellationToken);
        }, cancellationToken));

        var output = runtime.Environment.Out;
        var table = new Table()
            .AddColumn(new TableColumn("family").RightAligned())
            .AddColumn("check")
            .AddColumn("result")
            .AddColumn(new TableColumn("violations").RightAligned());
        foreach (var result in report.Results)
        {
            table.AddRow(new Text(result.Family.ToString()), new Text(result.Id), OutcomeText(result.Outcome), new Text(result.Violations.ToString("N0")));
        }

        output.Write(table);
        foreach (var result in report.Results.Where(r => r.Outcome != InvariantOutcome.Pass))
        {
            output.WriteLine($"{OutcomeLabel(result.Outcome)} {result.Id}: {result.Description}; {result.Violations:N0} violating");
        }

        output.WriteLine($"{report.Results.Count} checks: {report.Passed} passed, {report.Failed} failed, {report.Warnings} warnings");
        return report.IsValid ? CliApp.ExitOk : CliApp.ExitFailed;
    }

    private static string OutcomeLabel(InvariantOutcome outcome) => outcome switch
    {
        InvariantOutcome.Pass => "PASS",
        InvariantOutcome.Fail => "FAIL",
        _ => "WARN",
    };

    private static Text OutcomeText(InvariantOutcome outcome) => new(OutcomeLabel(outcome), outcome switch
    {
        InvariantOutcome.Pass => new Style(Color.Green),
        InvariantOutcome.Fail => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    });
}
