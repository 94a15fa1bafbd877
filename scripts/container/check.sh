#!/usr/bin/env bash
# On-demand check of the container image (Dockerfile): build it, start it, and check /readyz, the
# health check, a question in the web chat, the word cloud's fonts, and that a reflection answer
# survives a restart with the volume kept. Prints each step with PASS or FAIL; exits 1 if any failed.
#
#   scripts/container/check.sh
#
# Needs podman (and, for the base images, mmdebstrap); run as root it installs them from Debian when
# missing. Public image registries need not be reachable: the base images are made locally from
# Debian packages with mmdebstrap (bookworm: openjdk-17-jdk-headless + maven for the build stage,
# openjdk-17-jre-headless for the runtime) and passed as the Dockerfile's BUILD_IMAGE and RUNTIME_IMAGE.
# The Maven stage cannot fetch from Maven Central through such a sandbox either, so by default it
# builds offline against this machine's ~/.m2/repository, mounted read-only into the build
# (build the project here once first: mvn -B -ntp verify).
#
# Settings (environment):
#   ENGINE=podman            the container engine (podman; docker works where it has an engine)
#   HOST_PORT=18380          the port on 127.0.0.1 the container's 8080 is published on
#   MAVEN_MODE=host-repo     host-repo: offline build against ~/.m2/repository; online: as on a normal machine
#   REBUILD_BASE=0           1: make the Debian base images again
#   KEEP=0                   1: leave the container and its volume behind for a look
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

ENGINE=${ENGINE:-podman}
HOST_PORT=${HOST_PORT:-18380}
MAVEN_MODE=${MAVEN_MODE:-host-repo}
REBUILD_BASE=${REBUILD_BASE:-0}
KEEP=${KEEP:-0}
IMAGE=localhost/folkevalgt-bot:check
BUILD_BASE=localhost/folkevalgt-base/build:bookworm
RUNTIME_BASE=localhost/folkevalgt-base/runtime:bookworm
CONTAINER=folkevalgt-bot-check
VOLUME=folkevalgt-bot-check-data
TOKEN=check-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
URL=http://127.0.0.1:$HOST_PORT
MIRROR="deb http://deb.debian.org/debian bookworm main"
UPDATES="deb http://deb.debian.org/debian bookworm-updates main"
SECURITY="deb http://deb.debian.org/debian-security bookworm-security main"
WORK=$(mktemp -d)
ANSWER="Ny skole i sentrum"

passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failed=$((failed + 1)); }
finish() {
  printf '\n%d passed, %d failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ]
  exit $?
}
cleanup() {
  if [ "$KEEP" != 1 ]; then
    $ENGINE rm -f "$CONTAINER" >/dev/null 2>&1
    $ENGINE volume rm -f "$VOLUME" >/dev/null 2>&1
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# JSON for {"tekst": "..."} without jq: the texts sent here hold no quotes or backslashes.
say() {
  curl -s -m 30 -b "$WORK/cookies" -H 'Content-Type: application/json' -H "Origin: $URL" \
    --data "{\"tekst\": \"$1\"}" -o "$WORK/reply.json" -w '%{http_code}' "$URL/api/melding"
}

# The reply's fields as the user sees them (blocks, citations), from the last reply.
shown() {
  local field
  for field in "$@"; do
    echo "      $(grep -o "\"$field\":\[[^]]*\]" "$WORK/reply.json")"
  done
}

wait_ready() {
  local deadline=$((SECONDS + 180)) code
  while [ "$SECONDS" -lt "$deadline" ]; do
    code=$(curl -s -m 5 -o "$WORK/readyz.json" -w '%{http_code}' "$URL/readyz")
    [ "$code" = 200 ] && return 0
    if [ "$($ENGINE inspect -f '{{.State.Running}}' "$CONTAINER" 2>/dev/null)" != true ]; then
      echo "      the container stopped; its log:"
      $ENGINE logs "$CONTAINER" 2>&1 | tail -20 | sed 's/^/      /'
      return 1
    fi
    sleep 1
  done
  return 1
}

step "Tools"
if ! command -v "$ENGINE" >/dev/null 2>&1 || ! command -v mmdebstrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing podman, buildah, runc and mmdebstrap from Debian ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc mmdebstrap uidmap) >/dev/null 2>&1
  fi
fi
if command -v "$ENGINE" >/dev/null 2>&1 && command -v mmdebstrap >/dev/null 2>&1 && command -v curl >/dev/null 2>&1; then
  pass "$($ENGINE --version), $(mmdebstrap --version 2>/dev/null | head -1)"
else
  fail "needs $ENGINE, mmdebstrap and curl (apt-get install -y podman buildah runc mmdebstrap curl)"
  finish
fi

step "Base images from Debian packages (mmdebstrap, $ENGINE import)"
make_base() { # name, packages
  local name=$1 packages=$2 started=$SECONDS
  if [ "$REBUILD_BASE" != 1 ] && $ENGINE image inspect "$name" >/dev/null 2>&1; then
    pass "$name exists (REBUILD_BASE=1 makes it again)"
    return
  fi
  if mmdebstrap --quiet --variant=apt --include="$packages" --aptopt='APT::Install-Recommends "false"' \
      bookworm "$WORK/base.tar" "$MIRROR" "$UPDATES" "$SECURITY" >"$WORK/mmdebstrap.log" 2>&1 \
    && $ENGINE import --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' "$WORK/base.tar" "$name" >>"$WORK/mmdebstrap.log" 2>&1; then
    pass "$name made in $((SECONDS - started)) s ($packages)"
  else
    fail "$name could not be made:"
    tail -20 "$WORK/mmdebstrap.log"
  fi
  rm -f "$WORK/base.tar"
}
make_base "$BUILD_BASE" "ca-certificates,passwd,openjdk-17-jdk-headless,maven"
make_base "$RUNTIME_BASE" "ca-certificates,passwd,openjdk-17-jre-headless"

# Some sandboxes refuse the resource limits the engine sets by default (crun: "setrlimit
# RLIMIT_NPROC: Operation not permitted"); then run with runc and limits no higher than this shell's.
RUN_OPTS=()
if [ "$ENGINE" = podman ] && ! $ENGINE run --rm "$RUNTIME_BASE" true >"$WORK/probe.log" 2>&1; then
  echo "the default runtime cannot start a container here: $(tail -1 "$WORK/probe.log")"
  nofile=$(ulimit -Hn)
  RUN_OPTS=(--runtime runc --ulimit "nofile=$nofile:$nofile" --ulimit nproc=4096:4096)
  echo "using ${RUN_OPTS[*]}"
fi

step "Build the image (Dockerfile; MAVEN_MODE=$MAVEN_MODE)"
BUILD_OPTS=(--network host --build-arg "BUILD_IMAGE=$BUILD_BASE" --build-arg "RUNTIME_IMAGE=$RUNTIME_BASE")
# HEALTHCHECK is part of the Docker image format only; podman's default (OCI) drops it.
[ "$ENGINE" = podman ] && BUILD_OPTS+=(--format docker)
if [ "$MAVEN_MODE" = host-repo ]; then
  BUILD_OPTS+=(--volume "$HOME/.m2/repository:/m2:ro" --build-arg "MAVEN_BUILD_ARGS=-o -Dmaven.repo.local=/m2")
fi
started=$SECONDS
if $ENGINE build "${RUN_OPTS[@]}" "${BUILD_OPTS[@]}" -t "$IMAGE" . >"$WORK/build.log" 2>&1; then
  pass "built $IMAGE in $((SECONDS - started)) s ($($ENGINE image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
else
  fail "the build failed:"
  tail -30 "$WORK/build.log"
  finish
fi
config=$($ENGINE image inspect -f 'user={{.Config.User}} volumes={{range $k, $v := .Config.Volumes}}{{$k}} {{end}}ports={{range $k, $v := .Config.ExposedPorts}}{{$k}} {{end}}healthcheck={{if .Config.Healthcheck}}{{join .Config.Healthcheck.Test " "}}{{end}}' "$IMAGE")
echo "      $config"
case "$config" in
  *"user=10001:10001 "*"volumes=/data "*"ports=8080/tcp "*"healthcheck=CMD-SHELL curl -fsS -o /dev/null \"http://127.0.0.1:\${PORT}/readyz\" || exit 1")
    pass "non-root user 10001, volume /data, port 8080, HEALTHCHECK on /readyz" ;;
  *) fail "image settings are not as the Dockerfile says" ;;
esac

start() {
  $ENGINE run -d --name "$CONTAINER" "${RUN_OPTS[@]}" -p "127.0.0.1:$HOST_PORT:8080" -v "$VOLUME:/data" \
    -e FACILITATOR_TOKEN="$TOKEN" "$IMAGE" >"$WORK/run.log" 2>&1 \
    || { cat "$WORK/run.log"; return 1; }
}

step "Start (volume $VOLUME on /data, 127.0.0.1:$HOST_PORT -> 8080)"
$ENGINE rm -f "$CONTAINER" >/dev/null 2>&1
$ENGINE volume rm -f "$VOLUME" >/dev/null 2>&1
$ENGINE volume create "$VOLUME" >/dev/null
started=$SECONDS
if start && wait_ready; then
  pass "GET /readyz 200 after $((SECONDS - started)) s: $(cat "$WORK/readyz.json")"
else
  fail "GET /readyz did not answer 200 within 180 s"
  finish
fi
if [ "$($ENGINE exec "$CONTAINER" id -u)" = 10001 ]; then pass "runs as uid 10001 (not root)"; else fail "runs as $($ENGINE exec "$CONTAINER" id)"; fi
if [ "$ENGINE" = podman ]; then
  # The engine runs the check on a timer where systemd is there; here it is run once by hand.
  if $ENGINE healthcheck run "$CONTAINER" >/dev/null 2>&1; then
    pass "HEALTHCHECK: $($ENGINE inspect -f '{{.State.Health.Status}}' "$CONTAINER")"
  else
    fail "HEALTHCHECK reports unhealthy"
  fi
fi

step "A question in the web chat"
code=$(curl -s -m 10 -c "$WORK/cookies" -o /dev/null -w '%{http_code}' "$URL/")
if [ "$code" = 200 ] && grep -q 'fv_okt' "$WORK/cookies"; then pass "GET / 200 gives the session cookie fv_okt"; else fail "GET / gave $code without fv_okt"; fi
code=$(say "Hva er en interpellasjon?")
shown "blocks" "citations"
if [ "$code" = 200 ] && grep -q '"answered":true' "$WORK/reply.json" && grep -q '"blocks":\["• Interpellasjon"\]' "$WORK/reply.json" \
    && grep -q '"slide":17,"source":"ks-folkevalgtprogram-rakkestad-2019.txt","material":"KS Folkevalgtprogram, Rakkestad 2019"' "$WORK/reply.json"; then
  pass "POST /api/melding «Hva er en interpellasjon?» 200: answered from slide 17"
else
  fail "POST /api/melding gave $code without the answer"
fi

step "A reflection answer, and the word cloud (fonts)"
code=$(say "/refleksjon $ANSWER")
shown "blocks"
if [ "$code" = 200 ] && grep -q "er lagret: «$ANSWER»" "$WORK/reply.json"; then pass "/refleksjon $ANSWER: stored"; else fail "/refleksjon gave $code: not stored"; fi
prompt=$(grep -o '(oppgave [0-9]*)' "$WORK/reply.json" | head -1 | tr -dc '0-9')
code=$(curl -s -m 30 -H "X-Fasilitator-Token: $TOKEN" -o "$WORK/cloud.png" -w '%{http_code} %{content_type}' "$URL/fasilitator/ordsky/${prompt:-1}.png")
if [ "$code" = "200 image/png" ] && [ "$(head -c 8 "$WORK/cloud.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ]; then
  pass "GET /fasilitator/ordsky/${prompt:-1}.png 200 image/png, $(wc -c <"$WORK/cloud.png") bytes (drawn in the container)"
else
  fail "the word cloud gave $code"
fi

step "Restart: stop (SIGTERM), remove the container, start a new one on the same volume"
started=$SECONDS
$ENGINE stop -t 45 "$CONTAINER" >/dev/null 2>&1
exit_code=$($ENGINE inspect -f '{{.State.ExitCode}}' "$CONTAINER")
if [ $((SECONDS - started)) -lt 45 ]; then
  pass "stopped on SIGTERM in $((SECONDS - started)) s (exit code $exit_code)"
else
  fail "did not stop within 45 s of SIGTERM"
fi
$ENGINE rm "$CONTAINER" >/dev/null 2>>"$WORK/run.log"
started=$SECONDS
if start && wait_ready; then
  pass "new container: GET /readyz 200 after $((SECONDS - started)) s"
else
  fail "the new container did not get ready"
  finish
fi
code=$(say "/refleksjon mine")
shown "blocks"
if [ "$code" = 200 ] && grep -q '"Dine svar (1):"' "$WORK/reply.json" && grep -q "«$ANSWER»" "$WORK/reply.json"; then
  pass "/refleksjon mine with the same cookie lists «$ANSWER»: data and session key kept"
else
  fail "/refleksjon mine gave $code without the stored answer"
fi

finish
