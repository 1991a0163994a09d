using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ActorTcp.Teardown;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActorTcp.Host.Dashboard;

/// <summary>
/// Serves <c>GET /api/events</c> to one page as Server-Sent Events: a <c>hello</c> event with the
/// history and the whole table, then a <c>sample</c> event per tick with only the rows that changed.
/// </summary>
internal static class DashboardEventStream
{
    /// <summary>How long the browser waits before it reconnects a dropped stream.</summary>
    private const int RetryMilliseconds = 2000;

    private static readonly string[] Reasons = Enum.GetNames<CloseReason>();

    public static async Task ServeAsync(HttpContext context, DashboardSampler sampler, DashboardOptions options)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Proxies such as nginx would otherwise hold the events back until a buffer fills.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = sampler.Subscribe();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, sampler.Stopping);
        var cancellationToken = stopping.Token;
        var shown = new ShownConnections();
        var rows = subscription.Latest?.Rows ?? [];
        shown.Update(rows);
        var hello = new DashboardHello(
            DashboardSample.OpenStates.Select(state => state.ToString()).ToArray(),
            Reasons,
            options.SampleInterval.TotalSeconds,
            options.History.TotalSeconds,
            options.MaxConnectionRows,
            subscription.History,
            rows);

        try
        {
            await WriteAsync(response, $"retry: {RetryMilliseconds}\n\n", cancellationToken).ConfigureAwait(false);
            await WriteEventAsync(response, "hello", hello, DashboardJsonContext.Default.DashboardHello, cancellationToken).ConfigureAwait(false);
            await foreach (var tick in subscription.Ticks.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var changes = shown.Update(tick.Rows);
                var update = new DashboardUpdate(tick.Sample, changes.Upserted, changes.Removed);
                await WriteEventAsync(response, "sample", update, DashboardJsonContext.Default.DashboardUpdate, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or the host is stopping; the browser reconnects when it comes back.
        }
    }

    private static async Task WriteEventAsync<T>(HttpResponse response, string name, T payload, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        // The serializer escapes line breaks inside strings, so the payload is one data line.
        var json = JsonSerializer.Serialize(payload, type);
        await WriteAsync(response, $"event: {name}\ndata: {json}\n\n", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
