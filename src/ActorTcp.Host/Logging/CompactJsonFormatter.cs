using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace ActorTcp.Host.Logging;

/// <summary>
/// Writes each event as one line of compact JSON in the CLEF shape log shippers read: <c>@t</c> the UTC
/// time, <c>@mt</c> the message template, <c>@m</c> the rendered message, <c>@l</c> the level (left out
/// for Information), <c>@x</c> the exception, then the event's properties by name.
/// </summary>
/// <example>
/// <c>{"@t":"2026-11-21T18:30:00.0000000Z","@mt":"ActorTcp server listening on {EndPoint}","@m":"ActorTcp server listening on 127.0.0.1:7400","EndPoint":"127.0.0.1:7400","SourceContext":"ActorTcp.Hosting.ActorTcpHostedService"}</c>
/// </example>
internal sealed class CompactJsonFormatter : ITextFormatter
{
    private readonly JsonValueFormatter _values = new(typeTagName: "$type");

    // Strings appear in the message as written, not quoted: the message is for people, the properties for machines.
    private readonly MessageTemplateTextFormatter _message = new("{Message:lj}", CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"@t\":\"");
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        output.Write("\",\"@mt\":");
        JsonValueFormatter.WriteQuotedJsonString(logEvent.MessageTemplate.Text, output);
        output.Write(",\"@m\":");
        using (var message = new StringWriter(CultureInfo.InvariantCulture))
        {
            _message.Format(logEvent, message);
            JsonValueFormatter.WriteQuotedJsonString(message.ToString(), output);
        }

        if (logEvent.Level != LogEventLevel.Information)
        {
            output.Write(",\"@l\":\"");
            output.Write(logEvent.Level.ToString());
            output.Write('"');
        }

        if (logEvent.Exception is { } exception)
        {
            output.Write(",\"@x\":");
            JsonValueFormatter.WriteQuotedJsonString(exception.ToString(), output);
        }

        foreach (var (name, value) in logEvent.Properties)
        {
            output.Write(',');

            // A property named like a CLEF field would be read as one; CLEF escapes it with a second '@'.
            JsonValueFormatter.WriteQuotedJsonString(name.StartsWith('@') ? "@" + name : name, output);
            output.Write(':');
            _values.Format(value, output);
        }

        output.Write('}');
        output.WriteLine();
    }
}
