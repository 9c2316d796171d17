namespace RetailSynth.Foundation.Configuration;

/// <summary>Marks a setting whose value is never logged, echoed in an error or returned by the API (api.md §5).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretAttribute : Attribute;
