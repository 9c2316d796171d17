namespace RetailSynth.Server.Hosting;

/// <summary>What the server turned out to listen on, known once Kestrel has bound (see <see cref="BoundAddressGuard"/>).</summary>
internal enum BindScope
{
    /// <summary>Not known yet: the guards treat the server as reachable from the network.</summary>
    Unchecked,

    /// <summary>Every bound address is loopback.</summary>
    LoopbackOnly,

    /// <summary>At least one bound address is reachable from other machines.</summary>
    Network,
}
