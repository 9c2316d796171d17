namespace RetailSynth.Server.Tasks;

public enum TaskState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
