using Microsoft.Extensions.Logging;

namespace RetailSynth.Foundation.Diagnostics;

/// <summary>The one console log format of every host: single lines with a time stamp, all on stderr (stdout may carry events).</summary>
public static class ConsoleLogging
{
    public static ILoggingBuilder AddRetailSynthConsole(this ILoggingBuilder logging, LogLevel minimum) => logging
        .SetMinimumLevel(minimum)
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
}
