using System.ComponentModel;
using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth report</c>: the realism scorecard (realism.md) over committed days, one row per KPI; exits 1 when a
/// judged band falls short, unless <c>--no-fail</c>.
/// </summary>
public sealed class ReportCommand(CommandRuntime runtime, StageReporter stages) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--json <FILE>")]
        [Description("Also write the scorecard as JSON (the content of GET /api/report) to FILE; relative to the working directory.")]
        public string? Json { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("First UTC day of the horizon (yyyy-MM-dd); default the dataset's start date.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last UTC day of the horizon (yyyy-MM-dd); default the last committed day.")]
        public string? To { get; init; }

        [CommandOption("--no-fail")]
        [Description("Exit 0 even when a judged band falls short (print only).")]
        public bool NoFail { get; init; }

        public override ValidationResult Validate()
        {
            if (DateOption.Refuse(("--from", From), ("--to", To)) is { } badDate)
            {
                return badDate;
            }

            if (DateOption.Parse(From) is { } from && DateOption.Parse(To) is { } to && from > to)
            {
                return ValidationResult.Error($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.");
            }

            if (Json is not null && string.IsNullOrWhiteSpace(Json))
            {
                return ValidationResult.Error("--json needs a file name.");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        using (var check = RetailDatabase.OpenReadOnly(options.Storage.DatabasePath))
        {
            ModelVersionGuard.RequireCurrentModelVersion(check); // refused on its own line, as validate does, before any stage starts
        }

        var report = await stages.RunAsync("report", stage => Task.Run(() =>
        {
            using var database = RetailDatabase.OpenReadOnly(options.Storage.DatabasePath);
            try
            {
                return new RealismScorecard().Run(
                    database.Connection, DateOption.Parse(settings.From), DateOption.Parse(settings.To), stage, cancellationToken);
            }
            catch (ReportRangeException ex)
            {
                throw new RetailSynthException($"--{ex.Problem}", ex);
            }
        }, cancellationToken));

        Write(runtime.Environment.Out, report);
        if (settings.Json is not null)
        {
            var path = Path.GetFullPath(Path.Combine(runtime.Environment.WorkingDirectory, settings.Json));
            try
            {
                await File.WriteAllTextAsync(path, RealismReportJson.Serialize(report), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new RetailSynthException($"Cannot write --json '{path}': {ex.Message}");
            }

            runtime.Environment.Out.WriteLine($"json: {path}");
        }

        return report.HasShortfall && !settings.NoFail ? CliApp.ExitFailed : CliApp.ExitOk;
    }

    /// <summary>One row per KPI: its values against their bands, its verdict (with the reason when n/a), the days judged on.</summary>
    public static void Write(IAnsiConsole output, RealismReport report)
    {
        var table = new Table()
            .AddColumn("KPI")
            .AddColumn("values (band)")
            .AddColumn("verdict")
            .AddColumn("judged on");
        foreach (var kpi in report.Kpis)
        {
            var values = string.Join("\n", kpi.Checks.Select(c => $"{c.Name}: {c.Display} ({c.Band}){(c.Verdict == KpiVerdict.Shortfall ? " SHORT" : string.Empty)}"));
            var verdict = kpi.Reason is null ? kpi.Verdict : $"{kpi.Verdict}: {kpi.Reason}";
            table.AddRow(new Text($"{kpi.Id} {kpi.Title}"), new Text(values.Length == 0 ? "—" : values), VerdictText(kpi.Verdict, verdict), new Text(kpi.JudgedOn));
        }

        output.Write(table);
        output.WriteLine(Headline(report));
    }

    /// <summary>The scorecard in one line: how many KPIs were judged and how they fared.</summary>
    public static string Headline(RealismReport report)
    {
        var shortfalls = report.Kpis.Where(k => k.Verdict == KpiVerdict.Shortfall).Select(k => k.Id).ToList();
        var judged = report.Kpis.Where(k => k.Verdict != KpiVerdict.NotApplicable).Select(k => k.Id).ToList();
        return $"realism scorecard over {ReportHorizon.Describe(report.From, report.To)}: {report.Kpis.Count} KPIs, {report.OkCount} ok, {report.ShortCount} short, {report.NotApplicableCount} n/a"
            + $"; judged: {(judged.Count == 0 ? "none" : string.Join(", ", judged))}"
            + (shortfalls.Count == 0 ? string.Empty : $"; short: {string.Join(", ", shortfalls)}");
    }

    private static Text VerdictText(string verdict, string text) => new(text, verdict switch
    {
        KpiVerdict.Ok => new Style(Color.Green),
        KpiVerdict.Shortfall => new Style(Color.Red),
        _ => new Style(Color.Grey),
    });
}
