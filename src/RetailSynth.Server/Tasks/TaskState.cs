namespace RetailSynth.Server.Tasks;

internal enum TaskState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
