namespace RetailSynth.Server.Contracts;

/// <summary>GET /version.</summary>
internal sealed record VersionResponse(string Version, string Commit, int ModelVersion);
