namespace RetailSynth.Server.Hosting;

/// <summary>The <see cref="BindScope"/> of this server, recorded once after start and read by every request.</summary>
internal sealed class ServerExposure
{
    private volatile BindScope _scope = BindScope.Unchecked;

    public BindScope Scope => _scope;

    public void Record(BindScope scope) => _scope = scope;
}
