namespace RetailSynth.Jobs.Schema;

/// <summary>One generated document: the file name <c>--out</c> gives it, its media type and its text (UTF-8, <c>\n</c> line ends).</summary>
public sealed record SchemaDocument(string FileName, string MediaType, string Content);
