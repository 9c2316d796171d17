namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// One bad field of a <see cref="StreamRequest"/>. <see cref="Message"/> follows the field's name ("must be > 0, got 0");
/// <see cref="DependsOn"/> names the other field a rule reads, so a host that could not parse that field can leave the
/// problem out instead of reporting one mistake twice.
/// </summary>
public sealed record StreamRequestProblem(StreamRequestField Field, string Message, StreamRequestField? DependsOn = null);
