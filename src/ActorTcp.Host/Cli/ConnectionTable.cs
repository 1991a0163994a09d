using System.Globalization;
using System.Text;
using ActorTcp.Host.Admin;

namespace ActorTcp.Host.Cli;

/// <summary>Lays a page of connections out as a fixed-width table, the way <c>ss</c> would.</summary>
internal static class ConnectionTable
{
    private static readonly string[] Headers = ["ID", "REMOTE", "STATE", "AGE", "IDLE", "BYTES IN", "BYTES OUT", "QUEUED"];

    /// <summary>The table, then a line saying how many rows of how many.</summary>
    public static string Format(ConnectionPage page, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = page.Connections.Select(c => new[]
        {
            c.Id.ToString(CultureInfo.InvariantCulture),
            c.RemoteEndPoint,
            c.State,
            Age(now - c.OpenedAt),
            Age(now - c.LastActivity),
            c.BytesIn.ToString(CultureInfo.InvariantCulture),
            c.BytesOut.ToString(CultureInfo.InvariantCulture),
            c.WriteQueueBytes.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var widths = Headers.Select((header, i) => rows.Select(r => r[i].Length).Append(header.Length).Max()).ToArray();

        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Headers))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{page.Connections.Count} of {page.Total} connections"));
        return text.ToString();
    }

    /// <summary>A short age such as <c>42s</c>, <c>3m12s</c> or <c>2h05m</c>.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes:00}m")
            : age.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{age.Minutes}m{age.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{age.Seconds}s");
    }
}
