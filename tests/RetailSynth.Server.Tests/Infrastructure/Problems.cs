using System.Net;
using System.Text.Json;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>Assertions on ProblemDetails answers.</summary>
public static class Problems
{
    /// <summary>Asserts a 400 ProblemDetails whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming {field}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors do not name {field}: {text}");
    }

    public static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        if (status != HttpStatusCode.OK && status != HttpStatusCode.Accepted)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
