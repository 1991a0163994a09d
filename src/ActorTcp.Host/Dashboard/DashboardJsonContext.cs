using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorTcp.Host.Dashboard;

/// <summary>The event payloads' JSON, generated at build time: camelCase, one line per event.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DashboardHello))]
[JsonSerializable(typeof(DashboardUpdate))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
