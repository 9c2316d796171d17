namespace RetailSynth.Jobs.Report;

/// <summary>A requested horizon the scorecard cannot judge; <see cref="Field"/> names the bound at fault (from or to).</summary>
public sealed class ReportRangeException(string field, string problem) : RetailSynthException(problem)
{
    public string Field { get; } = field;

    /// <summary>The problem without the field's name, for hosts that name the field their own way (--from, ?from=).</summary>
    public string Problem { get; } = problem;
}
