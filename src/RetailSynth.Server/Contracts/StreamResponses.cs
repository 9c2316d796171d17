namespace RetailSynth.Server.Contracts;

/// <summary>Rows affected by requeue or clear.</summary>
internal sealed record CountResponse(long Count);
