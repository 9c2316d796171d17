using System.Text.Json;

namespace RetailSynth.Server.Contracts;

/// <summary>GET /api/config: the Simulation section as an object, every other setting by key with secrets shown as "***".</summary>
internal sealed record ConfigResponse(JsonElement Simulation, IReadOnlyDictionary<string, string?> Settings);
