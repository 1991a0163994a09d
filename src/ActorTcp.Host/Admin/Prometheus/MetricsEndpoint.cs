using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTcp.Host.Admin.Prometheus;

/// <summary><c>GET /metrics</c>: the <c>ActorTcp</c> meter in the Prometheus text format.</summary>
internal static class MetricsEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (MeterCollector collector) =>
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            PrometheusTextWriter.Write(collector.Collect(), text);
            return Results.Text(text.ToString(), PrometheusTextWriter.ContentType);
        });
        return endpoints;
    }
}
