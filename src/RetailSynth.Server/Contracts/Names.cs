using System.Text.Json;

namespace RetailSynth.Server.Contracts;

/// <summary>Enum values as the API spells them: snake_case (CatchingUp → catching_up).</summary>
internal static class Names
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
