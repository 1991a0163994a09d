#!/usr/bin/env bash
# Container test: builds the repository's unmodified Dockerfile with podman, runs the image and
# checks that it serves echo and /healthz, drains cooperative clients on SIGTERM and exits 0, and
# that docker-compose.yml validates and comes up with podman-compose.
#
# There is no Docker engine and no reachable image registry on CI machines, so the test uses podman
# as root and builds local stand-ins named like the official base images
# (mcr.microsoft.com/dotnet/sdk:10.0 and aspnet:10.0) from the machine's own .NET install. The
# stand-ins are kept in podman's image store, so a second run skips that step.
#
# Usage (as root): tests/container/run.sh     Prints PASS/FAIL lines; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly IMAGE=localhost/actortcp:container-test
readonly COMPOSE_IMAGE=localhost/actortcp:latest
readonly RUN_NAME=actortcp-container-test
readonly PROJECT=actortcp-container-test
readonly CLIENTS=8
readonly TOKEN=container-test-token
# Raise when the way the stand-ins are built changes, so that older stand-ins are rebuilt.
readonly STANDIN_RECIPE=2
readonly SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
readonly RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
readonly DOTNET_ROOT_DIR=${DOTNET_ROOT:-/usr/share/dotnet}
readonly APT_PACKAGES="podman runc debootstrap podman-compose docker-compose python3"

failures=0
started=$SECONDS
note() { printf '[container] %s\n' "$*"; }
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: one PASS or FAIL line for the command's outcome.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# What the test has created so far, for the cleanup below.
work=""
standin_root=""
image_id=""
compose_up=0
compose_tag_before=""
hold_pid=""
compose_port=""
compose_admin_port=""

compose() {
  ACTORTCP_ADMIN_TOKEN=$TOKEN ACTORTCP_PUBLISHED_PORT=$compose_port \
    ACTORTCP_PUBLISHED_ADMIN_PORT=$compose_admin_port podman-compose -p "$PROJECT" -f docker-compose.yml "$@"
}

# Everything the test created goes, whatever happened: containers, the test image (by id, so every
# name the test gave it goes too), the compose file's image name restored to the image it named
# before, and scratch directories.
cleanup() {
  local status=$?
  set +e
  [ -n "$hold_pid" ] && kill "$hold_pid" 2>/dev/null
  [ "$compose_up" -eq 1 ] && compose down >/dev/null 2>&1
  command -v podman >/dev/null 2>&1 && podman rm -f "$RUN_NAME" >/dev/null 2>&1
  [ -n "$image_id" ] && podman rmi -f "$image_id" >/dev/null 2>&1
  [ -n "$compose_tag_before" ] && podman tag "$compose_tag_before" "$COMPOSE_IMAGE" >/dev/null 2>&1
  [ -n "$standin_root" ] && rm -rf "$standin_root"
  [ -n "$work" ] && rm -rf "$work"
  if [ "$status" -ne 0 ] && [ "$failures" -eq 0 ]; then
    printf 'FAIL container test stopped before its checks finished (exit status %s)\n' "$status"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Tools ----------------------------------------------------------------------------------------

install_tools() {
  local missing=0 tool
  for tool in podman runc debootstrap podman-compose docker-compose python3; do
    command -v "$tool" >/dev/null 2>&1 || missing=1
  done
  [ "$missing" -eq 0 ] && return 0
  note "installing ${APT_PACKAGES}"
  export DEBIAN_FRONTEND=noninteractive
  # Another installation may hold the dpkg lock on a shared machine: wait for it, and try twice.
  local attempt
  for attempt in 1 2; do
    if apt-get update -qq -o DPkg::Lock::Timeout=600 &&
       apt-get install -y -qq -o DPkg::Lock::Timeout=600 $APT_PACKAGES >/dev/null; then
      return 0
    fi
    note "package installation failed (attempt ${attempt})"
  done
  return 1
}

# crun cannot run here (cgroups in hybrid mode) and podman's default nofile ulimit (1048576) is
# above the machine's hard limit, so podman runs with runc, cgroupfs and no default ulimits.
configure_podman() {
  local conf=/etc/containers/containers.conf
  local wanted
  wanted=$'[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"'
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$wanted" ]; then
    [ -f "$conf" ] && cp "$conf" "${conf}.before-actortcp"
    mkdir -p "$(dirname "$conf")"
    printf '%s\n' "$wanted" > "$conf"
    note "wrote ${conf}"
  fi
}

# --- Stand-in base images -------------------------------------------------------------------------

dotnet_versions() {
  local sdk runtime aspnet
  sdk=$(ls "$DOTNET_ROOT_DIR/sdk" | sort -V | tail -n 1)
  runtime=$(ls "$DOTNET_ROOT_DIR/shared/Microsoft.NETCore.App" | sort -V | tail -n 1)
  aspnet=$(ls "$DOTNET_ROOT_DIR/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)
  printf '%s %s %s' "$sdk" "$runtime" "$aspnet"
}

standin_current() {
  local image=$1 stamp=$2
  podman image exists "$image" &&
    [ "$(podman image inspect "$image" --format '{{index .Labels "org.actortcp.standin"}}')" = "$stamp" ]
}

# The Debian mirror apt already uses, read at run time from its sources file.
debian_mirror() {
  awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources
}

build_standins() {
  local sdk runtime aspnet stamp
  read -r sdk runtime aspnet <<<"$(dotnet_versions)"
  stamp="recipe-${STANDIN_RECIPE}_sdk-${sdk}_runtime-${runtime}_aspnet-${aspnet}"
  if standin_current "$RUNTIME_IMAGE" "$stamp" && standin_current "$SDK_IMAGE" "$stamp"; then
    note "stand-in base images are current (${stamp})"
    return 0
  fi
  note "building stand-in base images (${stamp})"
  local root mirror replaced
  replaced=$(podman images -q --filter "reference=${RUNTIME_IMAGE}" --filter "reference=${SDK_IMAGE}" 2>/dev/null || true)
  root=$(mktemp -d /var/tmp/actortcp-standin.XXXXXX)
  standin_root=$root
  mirror=$(debian_mirror)
  if [ -z "$mirror" ]; then
    note "no Debian mirror in /etc/apt/sources.list.d/debian.sources"
    return 1
  fi
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,zlib1g \
    bookworm "$root" "$mirror" >/dev/null
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

  # The machine reaches package sources through its own trusted certificate authorities: the
  # stand-ins trust the same ones, as the machine does, so a restore inside a build can connect.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null 2>&1
  fi

  # Like the official images: the runtime under /usr/share/dotnet, linked from /usr/bin, and a
  # non-root user "app" whose uid is in APP_UID.
  mkdir -p "$root/usr/share/dotnet/shared"
  cp -a "$DOTNET_ROOT_DIR/dotnet" "$DOTNET_ROOT_DIR/host" "$root/usr/share/dotnet/"
  cp -a "$DOTNET_ROOT_DIR/shared/Microsoft.NETCore.App" "$DOTNET_ROOT_DIR/shared/Microsoft.AspNetCore.App" \
    "$root/usr/share/dotnet/shared/"
  ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
  chroot "$root" groupadd --gid 1654 app
  chroot "$root" useradd --uid 1654 --gid 1654 --shell /bin/false --create-home app

  local -a common=(
    --change "LABEL org.actortcp.standin=${stamp}"
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    --change "ENV APP_UID=1654"
    --change "ENV DOTNET_RUNNING_IN_CONTAINER=true"
    --change "ENV DOTNET_VERSION=${runtime}"
    --change "ENV ASPNET_VERSION=${aspnet}"
  )
  tar -C "$root" -c . | podman import --quiet "${common[@]}" \
    --change "ENV ASPNETCORE_HTTP_PORTS=8080" - "$RUNTIME_IMAGE" >/dev/null

  # The SDK image: the same system with the whole SDK. Package signature revocation servers are
  # not reachable here, so restores check revocation offline, as they do on the machine itself.
  cp -a "$DOTNET_ROOT_DIR"/. "$root/usr/share/dotnet/"
  tar -C "$root" -c . | podman import --quiet "${common[@]}" \
    --change "ENV DOTNET_SDK_VERSION=${sdk}" \
    --change "ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false" \
    --change "ENV DOTNET_NOLOGO=true" \
    --change "ENV DOTNET_CLI_TELEMETRY_OPTOUT=1" \
    --change "ENV NUGET_XMLDOC_MODE=skip" \
    --change "ENV NUGET_CERT_REVOCATION_MODE=offline" \
    - "$SDK_IMAGE" >/dev/null
  rm -rf "$root"
  standin_root=""
  # The stand-ins they replace are no longer named; remove them unless something still uses them.
  [ -z "$replaced" ] || podman rmi $replaced >/dev/null 2>&1 || true
  note "stand-in base images built"
}

# --- Test helpers ---------------------------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

clients() { python3 tests/container/clients.py "$@"; }

inspect() { podman image inspect "$IMAGE" --format "$1"; }

container_logs() {
  note "last log lines of $1:"
  podman logs --tail 30 "$1" 2>&1 | sed 's/^/    /'
}

# Runs a command with its output kept in the work directory, shown only when the test fails.
quiet() { "$@" >>"$work/commands.log" 2>&1; }

non_root() { [ -n "$1" ] && [ "$1" != "0" ] && [ "$1" != "root" ]; }

# --- Setup ----------------------------------------------------------------------------------------

# Installing packages, writing containers.conf and running rootful podman all need root.
if [ "$(id -u)" -ne 0 ]; then
  fail "container test runs as root (it installs podman and runs it as root)"
  exit 1
fi
if ! install_tools; then
  fail "tools installed (${APT_PACKAGES})"
  exit 1
fi
configure_podman
build_standins
work=$(mktemp -d /var/tmp/actortcp-container-test.XXXXXX)

# --- The compose file, validated --------------------------------------------------------------------

check "docker-compose config -q validates docker-compose.yml" \
  env ACTORTCP_ADMIN_TOKEN=$TOKEN docker-compose -f docker-compose.yml config -q
# Without a token compose refuses to start the service, rather than start it and let it fail.
check "docker-compose.yml requires ACTORTCP_ADMIN_TOKEN" \
  bash -c '! env -u ACTORTCP_ADMIN_TOKEN docker-compose -f docker-compose.yml config -q 2>/dev/null'

# --- The image from the unmodified Dockerfile -------------------------------------------------------

# Without layer caching nothing of the build stays behind but the image itself.
note "building the image from Dockerfile"
build_started=$SECONDS
if podman build --pull=never --network=host --format docker --layers=false -t "$IMAGE" -f Dockerfile . \
     >"$work/build.log" 2>&1; then
  image_id=$(inspect '{{.Id}}')
  pass "image built from the unmodified Dockerfile ($((SECONDS - build_started))s)"
else
  fail "image built from the unmodified Dockerfile"
  tail -n 40 "$work/build.log" | sed 's/^/    /'
  exit 1
fi

user=$(inspect '{{.Config.User}}')
check "image runs as a non-root user (${user})" non_root "$user"
stop_signal=$(inspect '{{.Config.StopSignal}}')
check "image stop signal is SIGTERM (${stop_signal})" [ "$stop_signal" = "SIGTERM" ]
healthcheck=$(inspect '{{if .Config.Healthcheck}}{{join .Config.Healthcheck.Test " "}}{{end}}')
check "image HEALTHCHECK runs the healthcheck command (${healthcheck})" \
  [ "$healthcheck" = "CMD dotnet /app/ActorTcp.Host.dll healthcheck" ]
ports=$(inspect '{{range $port, $_ := .Config.ExposedPorts}}{{$port}} {{end}}')
check "image exposes 7400 and 7480 (${ports% })" [ "$ports" = "7400/tcp 7480/tcp " ]

check "check-config accepts the image's configuration" \
  quiet podman run --rm -e ACTORTCP_ADMIN_TOKEN=$TOKEN "$IMAGE" check-config

# --- The image run as a user runs it, its ports published on loopback only ---------------------------

tcp_port=$(free_port)
admin_port=$(free_port)
note "running the image: echo on 127.0.0.1:${tcp_port}, admin API on 127.0.0.1:${admin_port}"
# The drain deadline comes from the environment, as docker.conf allows, to show that overrides reach
# the server.
drain_timeout=20
if ! podman run -d --name "$RUN_NAME" -e ACTORTCP_ADMIN_TOKEN=$TOKEN -e ACTORTCP_DRAIN_TIMEOUT=${drain_timeout}s \
       -p "127.0.0.1:${tcp_port}:7400" -p "127.0.0.1:${admin_port}:7480" "$IMAGE" >"$work/run.log" 2>&1; then
  fail "podman run starts the image"
  sed 's/^/    /' "$work/run.log"
  exit 1
fi

if clients healthz "http://127.0.0.1:${admin_port}/healthz" 60; then
  pass "container answers /healthz healthy on the published admin port"
else
  fail "container answers /healthz healthy on the published admin port"
  container_logs "$RUN_NAME"
fi
check "container serves line echo on the published port" clients echo "$tcp_port" 30
# podman schedules healthchecks with systemd timers, which this machine lacks, but runs one on request.
check "the image's HEALTHCHECK reports healthy" quiet podman healthcheck run "$RUN_NAME"
uid=$(podman exec "$RUN_NAME" id -u 2>/dev/null || true)
check "server process runs as a non-root uid (${uid})" non_root "$uid"

# --- SIGTERM: cooperative clients get BYE and close first, the process exits 0 within drain.timeout ---

clients hold "$tcp_port" "$CLIENTS" 90 >"$work/hold.log" 2>&1 &
hold_pid=$!
for _ in $(seq 1 300); do
  grep -q READY "$work/hold.log" 2>/dev/null && break
  kill -0 "$hold_pid" 2>/dev/null || break
  sleep 0.1
done
if grep -qx READY "$work/hold.log"; then
  stop_started=$SECONDS
  podman stop -t $((drain_timeout * 2)) "$RUN_NAME" >/dev/null 2>&1
  stop_seconds=$((SECONDS - stop_started))
  exit_code=$(podman inspect "$RUN_NAME" --format '{{.State.ExitCode}}')
  if [ "$exit_code" = "0" ] && [ "$stop_seconds" -le "$drain_timeout" ]; then
    pass "podman stop (SIGTERM) with ${CLIENTS} clients: exit code 0 after ${stop_seconds}s"
  else
    fail "podman stop (SIGTERM) with ${CLIENTS} clients: exit code ${exit_code} after ${stop_seconds}s (expected 0 within ${drain_timeout}s)"
    container_logs "$RUN_NAME"
  fi
  if wait "$hold_pid"; then
    pass "all ${CLIENTS} clients received BYE and closed"
  else
    fail "all ${CLIENTS} clients received BYE and closed"
    sed 's/^/    /' "$work/hold.log"
  fi
  hold_pid=""
  # The server's own account of the drain, from its JSON log.
  podman logs "$RUN_NAME" >"$work/server.log" 2>&1
  check "drain deadline is ACTORTCP_DRAIN_TIMEOUT (${drain_timeout}s)" \
    grep -q "\"DrainTimeout\":\"00:00:${drain_timeout}\"" "$work/server.log"
  if grep -Eq "\"PeerClosedFirst\":${CLIENTS}[,}]" "$work/server.log"; then
    pass "drain reports all ${CLIENTS} connections closed by the peer first"
  else
    fail "drain reports all ${CLIENTS} connections closed by the peer first"
    container_logs "$RUN_NAME"
  fi
else
  fail "${CLIENTS} cooperative clients connected and echoed"
  sed 's/^/    /' "$work/hold.log"
fi
podman rm -f "$RUN_NAME" >/dev/null 2>&1

# --- The unmodified compose file, with the image just built under the name it gives ----------------

if podman image exists "$COMPOSE_IMAGE"; then
  compose_tag_before=$(podman image inspect "$COMPOSE_IMAGE" --format '{{.Id}}')
fi
podman tag "$IMAGE" "$COMPOSE_IMAGE"
compose_port=$(free_port)
compose_admin_port=$(free_port)
service="${PROJECT}_actortcp_1"
note "podman-compose up: echo on port ${compose_port}, admin API on 127.0.0.1:${compose_admin_port}"
compose_up=1
if compose up -d >"$work/compose.log" 2>&1 &&
   clients healthz "http://127.0.0.1:${compose_admin_port}/healthz" 60 &&
   clients echo "$compose_port" 30; then
  pass "podman-compose up -d serves echo on the mapped port and /healthz"
else
  fail "podman-compose up -d serves echo on the mapped port and /healthz"
  tail -n 20 "$work/compose.log" | sed 's/^/    /'
  container_logs "$service"
fi
nofile=$(podman exec "$service" sh -c 'ulimit -n' 2>/dev/null || true)
check "compose service runs with nofile 16384 (${nofile})" [ "$nofile" = "16384" ]
compose down >>"$work/compose.log" 2>&1
compose_up=0
check "podman-compose down removes the service" bash -c "! podman container exists '$service'"

note "container test finished in $((SECONDS - started))s"
if [ "$failures" -ne 0 ]; then
  note "output of the checked commands:"
  sed 's/^/    /' "$work/commands.log" 2>/dev/null | tail -n 40
  printf 'container test: %d check(s) FAILED\n' "$failures"
  exit 1
fi
printf 'container test: all checks passed\n'
