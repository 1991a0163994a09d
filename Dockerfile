# ActorTcp console host: built with the .NET SDK, run on the ASP.NET Core runtime image.
#   docker build -t actortcp .
#   docker run --rm -e ACTORTCP_ADMIN_TOKEN=change-me -p 7400:7400 -p 127.0.0.1:7480:7480 actortcp
# See docs/docker.md for configuration and stop semantics.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so the package layer is reused until they change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ActorTcp.Actors/ActorTcp.Actors.csproj src/ActorTcp.Actors/
COPY src/ActorTcp/ActorTcp.csproj src/ActorTcp/
COPY src/ActorTcp.Hocon/ActorTcp.Hocon.csproj src/ActorTcp.Hocon/
COPY src/ActorTcp.Hosting/ActorTcp.Hosting.csproj src/ActorTcp.Hosting/
COPY src/ActorTcp.Host/ActorTcp.Host.csproj src/ActorTcp.Host/
RUN dotnet restore src/ActorTcp.Host/ActorTcp.Host.csproj --disable-build-servers

COPY src/ src/
COPY hocon/ hocon/
RUN dotnet publish src/ActorTcp.Host/ActorTcp.Host.csproj --no-restore --disable-build-servers -c Release \
      -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The configuration the image starts with. ACTORTCP_CONFIG names the file for `serve` and for the
# healthcheck alike, so both agree on the admin port; point it at a mounted file (for example
# /etc/actortcp/actortcp.conf) to use your own. Admin token: set ACTORTCP_ADMIN_TOKEN (required).
COPY hocon/ /app/hocon/
ENV ACTORTCP_CONFIG=/app/hocon/docker.conf
# The admin API binds where the configuration says (admin.host, admin.port); the runtime image's
# default ASP.NET Core port would only be overridden, with a warning in the log.
ENV ASPNETCORE_HTTP_PORTS=

# The runtime image's non-root user (uid 1654): the server needs no privileges, its ports are above 1024.
USER $APP_UID

# 7400: the TCP service (line-framed echo by default). 7480: the admin HTTP API (/healthz, /metrics).
EXPOSE 7400 7480

# SIGTERM starts a drain: every connection gets the goodbye line and may close first; the process then
# exits 0. Give the container a stop timeout longer than drain.timeout (docker stop -t, compose
# stop_grace_period) or the drain is cut short by SIGKILL.
STOPSIGNAL SIGTERM

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/ActorTcp.Host.dll", "healthcheck"]

ENTRYPOINT ["dotnet", "/app/ActorTcp.Host.dll"]
CMD ["serve"]
