using RetailSynth.Foundation.Errors;
using RetailSynth.Server.Hosting;
using RetailSynth.Storage.Outbox;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class RefusalWordingTests
{
    [Fact]
    public void A_missing_outbox_body_file_names_the_route_that_clears_the_outbox_not_a_cli_command()
    {
        using var folder = new TempFolder();
        var files = OutboxBodyFiles.ForDatabase(folder.File("db.duckdb"));
        var day = new DateOnly(2024, 1, 2);

        var refused = Assert.Throws<RefusedException>(() => files.Read(day, 0, 10));
        var described = RefusalWording.Instance.Describe(refused);

        Assert.EndsWith("cannot be sent. Clear the outbox (DELETE /api/stream/outbox) to drop them.", described, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox clear", described, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_naming_request_fields_names_the_json_fields()
    {
        var failure = new RefusedException(name => $"{name(RequestField.EndDate)} 2024-01-01 is before the start date 2024-01-02.");

        Assert.Equal("end_date 2024-01-01 is before the start date 2024-01-02.", RefusalWording.Instance.Describe(failure));
    }
}
