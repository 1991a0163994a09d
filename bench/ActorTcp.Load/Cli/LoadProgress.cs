using Spectre.Console;

namespace ActorTcp.Load.Cli;

/// <summary>
/// Where a scenario reports how far it is: Spectre.Console progress bars on a terminal, nothing
/// when the output is JSON (stdout then carries the result alone).
/// </summary>
internal sealed class LoadProgress
{
    private readonly ProgressContext? _context;

    private LoadProgress(ProgressContext? context) => _context = context;

    /// <summary>Runs <paramref name="scenario"/> with progress bars, or silently for JSON.</summary>
    public static async Task<T> RunAsync<T>(bool json, Func<LoadProgress, Task<T>> scenario)
    {
        if (json)
        {
            return await scenario(new LoadProgress(null));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => scenario(new LoadProgress(context)));
    }

    /// <summary>Starts a bar for one stage of the scenario, full at <paramref name="total"/>.</summary>
    public Stage Start(string description, double total) => new(_context?.AddTask(description, maxValue: Math.Max(total, 1)));

    /// <summary>Writes a note line above the bars (or nowhere, for JSON).</summary>
    public void Note(string text)
    {
        if (_context is not null)
        {
            AnsiConsole.MarkupLine("[grey]{0}[/]", Markup.Escape(text));
        }
    }

    /// <summary>One progress bar.</summary>
    internal sealed class Stage(ProgressTask? task)
    {
        /// <summary>Sets how far the stage is.</summary>
        public void Report(double value)
        {
            if (task is not null)
            {
                task.Value = value;
            }
        }

        /// <summary>Marks the stage done.</summary>
        public void Complete()
        {
            if (task is not null)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
