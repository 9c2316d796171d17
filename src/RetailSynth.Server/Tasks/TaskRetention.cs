namespace RetailSynth.Server.Tasks;

/// <summary>
/// How much finished work the server remembers: a long-running server must not grow with every request, so only the
/// newest finished tasks are kept, for at most a day; running tasks are always kept.
/// </summary>
internal static class TaskRetention
{
    public const int MaxFinishedTasks = 100;

    public static readonly TimeSpan MaxFinishedAge = TimeSpan.FromHours(24);
}
