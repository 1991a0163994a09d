using System.Text.Json;
using ActorTcp.Host.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace ActorTcp.Host.Tests;

public sealed class CompactJsonFormatterTests
{
    [Fact]
    public void Event_IsOneLineOfJson_WithTimeTemplateMessageLevelExceptionAndProperties()
    {
        // Arrange
        var logEvent = new LogEvent(
            new DateTimeOffset(2026, 11, 21, 18, 30, 0, TimeSpan.FromHours(2)),
            LogEventLevel.Warning,
            new InvalidOperationException("boom"),
            new MessageTemplateParser().Parse("Closed {ConnectionId} from {RemoteEndPoint}"),
            [
                new LogEventProperty("ConnectionId", new ScalarValue(42L)),
                new LogEventProperty("RemoteEndPoint", new ScalarValue("10.0.0.1:5000")),
            ]);

        // Act
        using var output = new StringWriter();
        new CompactJsonFormatter().Format(logEvent, output);
        var text = output.ToString();
        var json = JsonDocument.Parse(text).RootElement;

        // Assert
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("2026-11-21T16:30:00.0000000Z", json.GetProperty("@t").GetString());
        Assert.Equal("Closed {ConnectionId} from {RemoteEndPoint}", json.GetProperty("@mt").GetString());
        Assert.Equal("Closed 42 from 10.0.0.1:5000", json.GetProperty("@m").GetString());
        Assert.Equal("Warning", json.GetProperty("@l").GetString());
        Assert.Contains("boom", json.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.Equal(42, json.GetProperty("ConnectionId").GetInt64());
        Assert.Equal("10.0.0.1:5000", json.GetProperty("RemoteEndPoint").GetString());
    }

    [Fact]
    public void InformationEvent_LeavesTheLevelOut_AndEscapesPropertiesNamedLikeFields()
    {
        // Arrange
        var logEvent = new LogEvent(
            DateTimeOffset.UnixEpoch,
            LogEventLevel.Information,
            null,
            new MessageTemplateParser().Parse("Said \"{Text}\""),
            [new LogEventProperty("Text", new ScalarValue("line\nbreak")), new LogEventProperty("@t", new ScalarValue("mine"))]);

        // Act
        using var output = new StringWriter();
        new CompactJsonFormatter().Format(logEvent, output);
        var json = JsonDocument.Parse(output.ToString()).RootElement;

        // Assert
        Assert.False(json.TryGetProperty("@l", out _));
        Assert.Equal("line\nbreak", json.GetProperty("Text").GetString());
        Assert.Equal("mine", json.GetProperty("@@t").GetString());
        Assert.Equal("1970-01-01T00:00:00.0000000Z", json.GetProperty("@t").GetString());
    }
}
