using System.Text.Json;
using Spectre.Console;

namespace ActorTcp.Load.Cli;

/// <summary>Prints a result as a Spectre.Console table, or as one JSON object with <c>--json</c>.</summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="result"/> to stdout.</summary>
    public static void Write(IScenarioResult result, bool json, string? label)
    {
        if (json)
        {
            var node = JsonSerializer.SerializeToNode(result, result.GetType(), JsonOptions)!.AsObject();
            node["scenario"] = result.Scenario;
            node["label"] = label;
            Console.WriteLine(node.ToJsonString(JsonOptions));
            return;
        }

        var table = result.ToTable();
        table.Title = new TableTitle(label is null ? result.Scenario : $"{result.Scenario} · {label}");
        AnsiConsole.Write(table);
    }

    /// <summary>A two-column table of named figures.</summary>
    public static Table Figures(params (string Name, string Value)[] rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        return table;
    }
}
