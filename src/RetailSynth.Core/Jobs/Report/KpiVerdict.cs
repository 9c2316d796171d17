namespace RetailSynth.Jobs.Report;

/// <summary>A KPI's or a band's verdict, as realism.md §1 names them.</summary>
public static class KpiVerdict
{
    public const string Ok = "ok";
    public const string Shortfall = "short";
    public const string NotApplicable = "n/a";

    /// <summary>A band shown for information, not judged on this horizon.</summary>
    public const string Reported = "reported";
}
