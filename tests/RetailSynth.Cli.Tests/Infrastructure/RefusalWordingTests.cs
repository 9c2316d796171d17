using RetailSynth.Foundation.Errors;
using RetailSynth.Storage.Outbox;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Infrastructure;

public sealed class RefusalWordingTests
{
    [Fact]
    public void A_missing_outbox_body_file_names_the_outbox_clear_command_as_it_always_did()
    {
        using var folder = new TempFolder();
        var files = OutboxBodyFiles.ForDatabase(folder.File("db.duckdb"));
        var day = new DateOnly(2024, 1, 2);

        var refused = Assert.Throws<RefusedException>(() => files.Read(day, 0, 10));

        Assert.DoesNotContain("outbox clear", refused.Message, StringComparison.Ordinal); // the core names no command
        Assert.Equal(
            $"The outbox body file '{files.PathOf(day)}' is missing, so the pending events of 2024-01-02 cannot be sent. Run `retailsynth outbox clear` to drop them.",
            RefusalWording.Instance.Describe(refused));
    }

    [Fact]
    public void A_message_naming_request_fields_names_the_cli_flags()
    {
        var failure = new RetailSynthException(name => $"{name(RequestField.From)} 2024-02-01 is after {name(RequestField.To)} 2024-01-31.");

        Assert.Equal("The start date 2024-02-01 is after the end date 2024-01-31.", failure.Message);
        Assert.Equal("--from 2024-02-01 is after --to 2024-01-31.", RefusalWording.Instance.Describe(failure));
    }
}
