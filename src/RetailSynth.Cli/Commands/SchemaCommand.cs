using System.ComponentModel;
using RetailSynth.Jobs.Schema;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth schema kql|json-schema|asyncapi</c>: the landing kit generated from the event definition. Without
/// <c>--out</c> it prints one document (for json-schema, the bundle of every schema); with it, it writes the kit's
/// files into the folder, all or nothing. Needs no database.
/// </summary>
public sealed class SchemaCommand(CommandRuntime runtime) : Command<SchemaCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<KIND>")]
        [Description("kql (Eventhouse/ADX tables, mappings and routing), json-schema (JSON Schema 2020-12) or asyncapi (AsyncAPI 3.0).")]
        public string Kind { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Write the files into DIR (created if missing; relative to the working directory) instead of printing one document.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (!SchemaKinds.TryParse(Kind, out _))
            {
                return ValidationResult.Error(SchemaKinds.Unknown(Kind) + ".");
            }

            return Out is not null && string.IsNullOrWhiteSpace(Out)
                ? ValidationResult.Error("--out needs a folder name.")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!SchemaKinds.TryParse(settings.Kind, out var kind))
        {
            throw new InvalidOperationException("Validate() admits known kinds only.");
        }

        var output = runtime.Environment.Out;
        if (settings.Out is null)
        {
            // The document verbatim: through the raw writer, so nothing is read as markup or wrapped.
            output.Profile.Out.Writer.Write(SchemaKit.Combined(kind).Content);
            output.Profile.Out.Writer.Flush();
            return CliApp.ExitOk;
        }

        var folder = Path.Combine(runtime.Environment.WorkingDirectory, settings.Out);
        var written = SchemaFileWriter.Write(folder, SchemaKit.Files(kind));
        output.WriteLine($"{SchemaKinds.Name(kind)}: {written.Count} file(s) in {Path.GetFullPath(folder)}");
        return CliApp.ExitOk;
    }
}
