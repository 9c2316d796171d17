namespace RetailSynth.Jobs.Report;

/// <summary>
/// Collects a KPI's checks and derives its verdict (realism.md §1): short when a judged band fails, ok when every judged
/// band holds, n/a when none could be judged on this horizon (its values are still shown).
/// </summary>
internal sealed class KpiBuilder(string id, string title, ReportHorizon horizon)
{
    private readonly List<KpiCheck> _checks = [];
    private readonly List<string> _notJudged = [];
    private string _judgedOn = horizon.Describe();

    public string Id => id;

    public ReportHorizon Horizon => horizon;

    /// <summary>The days the values cover, when they are not the horizon (a sales window, a calendar year).</summary>
    public void JudgedOn(string days) => _judgedOn = days;

    /// <summary>Adds a value and its band; <c>notJudged</c> says why the band is not judged on this horizon (null when it is).</summary>
    public void Check(string name, double? value, string unit, Band band, string? notJudged = null)
    {
        var judged = notJudged is null && value is not null;
        var verdict = judged ? (band.Holds(value!.Value) ? KpiVerdict.Ok : KpiVerdict.Shortfall) : KpiVerdict.Reported;
        var note = notJudged ?? (value is null ? "nothing to measure in this horizon" : null);
        if (note is not null && !_notJudged.Contains(note))
        {
            _notJudged.Add(note);
        }

        _checks.Add(new KpiCheck(name, value, unit, Units.Display(value, unit), band.Text, verdict, note));
    }

    /// <summary>A value realism.md reports without a band to judge.</summary>
    public void Report(string name, double? value, string unit, string band = "reported") =>
        _checks.Add(new KpiCheck(name, value, unit, Units.Display(value, unit), band, KpiVerdict.Reported, null));

    /// <summary>Records a reason that applies to the whole KPI (e.g. columns this database lacks).</summary>
    public void NotMeasured(string reason)
    {
        if (!_notJudged.Contains(reason))
        {
            _notJudged.Add(reason);
        }
    }

    public KpiResult Build()
    {
        var judged = _checks.Where(c => c.Verdict != KpiVerdict.Reported).ToList();
        var verdict = judged.Count == 0 ? KpiVerdict.NotApplicable
            : judged.Any(c => c.Verdict == KpiVerdict.Shortfall) ? KpiVerdict.Shortfall
            : KpiVerdict.Ok;
        var reason = _notJudged.Count == 0 ? null : string.Join("; ", _notJudged);
        return new KpiResult(id, title, verdict, reason, _judgedOn, _checks);
    }
}
