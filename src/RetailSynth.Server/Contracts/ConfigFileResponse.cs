using System.Text.Json.Nodes;

namespace RetailSynth.Server.Contracts;

/// <summary>GET /api/config/file and PUT /api/config: the file's path, whether it exists, its settings without secrets.</summary>
internal sealed record ConfigFileResponse(string Path, bool Exists, JsonObject Settings)
{
    /// <summary>The running server keeps the settings it started with.</summary>
    public bool RestartRequired => true;
}

/// <summary>POST /api/config/validate when the document is valid.</summary>
internal sealed record ConfigValidResponse(bool Valid, string Path);
