#!/usr/bin/env bash
# Try the bot's Teams front end in Microsoft 365 Agents Playground: no Azure, no Microsoft 365 tenant,
# nothing leaves this machine. Installs the playground (pinned in package-lock.json) from npm beside
# this script, builds the bot when needed, starts it in Teams emulator mode on 127.0.0.1 and the
# playground against it, prints the address to open, and stops both on Ctrl+C.
#
#   scripts/teams-playground/run.sh            # bot on port 8080, playground on 56150
#   scripts/teams-playground/run.sh --demo     # also post the programme (reminders, prompts) in the
#                                              # playground's team channel, starting in a few minutes
#   PORT=8081 PLAYGROUND_PORT=56151 scripts/teams-playground/run.sh
#
# See docs/teams.md, "Trying it without Azure".
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
WORK="$ROOT/target/teams-playground"
PORT="${PORT:-8080}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
# The General channel of the playground's team (.m365agentsplayground.yml, team.id).
TEAM_CHANNEL="19:folkevalgt-playground@thread.tacv2"
DEMO=false

say() { echo "teams-playground: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

usage() {
  cat <<'EOF'
Bruk: scripts/teams-playground/run.sh [--demo]

Starter boten i Teams-emulatormodus på 127.0.0.1 og Microsoft 365 Agents Playground mot den,
og skriver ut adressen du åpner i nettleseren. Ctrl+C stopper begge.

  --demo   programmet (påminnelser, refleksjonsoppgaver, oppsummeringer) postes i
           kanalen «General» i teamet «Kommunestyret», fra om et par minutter

Miljøvariabler: PORT (boten, standard 8080), PLAYGROUND_PORT (playground, standard 56150).
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --demo) DEMO=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      fail "ukjent valg: $1"
      ;;
  esac
  shift
done

case "$PORT" in '' | *[!0-9]*) fail "PORT må være et portnummer, men er «$PORT»." ;; esac
case "$PLAYGROUND_PORT" in '' | *[!0-9]*) fail "PLAYGROUND_PORT må være et portnummer, men er «$PLAYGROUND_PORT»." ;; esac

command -v node >/dev/null 2>&1 \
  || fail "fant ikke node. Installer Node.js 18 eller nyere (for eksempel: apt-get install nodejs npm)."
command -v npm >/dev/null 2>&1 \
  || fail "fant ikke npm. Installer npm (for eksempel: apt-get install npm)."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] \
  || fail "Node.js $(node --version) er for gammel; playground trenger Node.js 18 eller nyere."

# True when something on this machine already accepts connections on the port.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_taken "$PORT" \
  && fail "port $PORT er allerede i bruk (kjører boten fra før?). Stopp det som bruker den, eller velg en annen: PORT=8081 $0"
# The playground would quietly pick another port if its own were taken; say so instead.
port_taken "$PLAYGROUND_PORT" \
  && fail "port $PLAYGROUND_PORT er allerede i bruk (kjører playground fra før?). Stopp det som bruker den, eller velg en annen: PLAYGROUND_PORT=56151 $0"

# 1. The playground, exactly the version in package-lock.json, into node_modules beside this script.
PINNED="$(node -p "require('$HERE/package.json').dependencies['@microsoft/m365agentsplayground']")"
installed="$(node -p "try { require('$HERE/node_modules/@microsoft/m365agentsplayground/package.json').version } catch (e) { '' }")"
if [ "$installed" != "$PINNED" ]; then
  say "installerer Microsoft 365 Agents Playground $PINNED fra npm …"
  (cd "$HERE" && npm ci --omit=dev --no-audit --no-fund --loglevel=error) >&2 \
    || fail "npm klarte ikke å installere @microsoft/m365agentsplayground@$PINNED; se meldingene over."
fi
PLAYGROUND="$HERE/node_modules/@microsoft/m365agentsplayground/cli.js"

# 2. The bot: ./bot builds it when the jar is missing or older than the sources (--help only builds).
"$ROOT/bot" --help >/dev/null

mkdir -p "$WORK"
# A fresh database every time: the playground's conversations and ids do not outlive it.
rm -rf "$WORK/data"
BOT_LOG="$WORK/bot.log"
PLAYGROUND_LOG="$WORK/playground.log"
: >"$BOT_LOG"
: >"$PLAYGROUND_LOG"

bot_env=(
  TEAMS_EMULATOR=true HOST=127.0.0.1 PORT="$PORT"
  # Emulator mode needs no app id; a .env with real Teams or Slack settings must not take part.
  MICROSOFT_APP_ID= MICROSOFT_APP_PASSWORD= MICROSOFT_APP_TENANT_ID=
  SLACK_BOT_TOKEN= SLACK_APP_TOKEN= SLACK_SIGNING_SECRET=
  DATABASE_URL= DATA_DIR="$WORK/data" INDEX_DIR="$WORK/index"
)
if [ "$DEMO" = true ]; then
  # The programme with its posts going to the playground's General channel instead of its own channels.
  source_programme="${PROGRAMME_FILE:-$ROOT/config/programme.yaml}"
  [ -f "$source_programme" ] || fail "fant ikke programfila $source_programme."
  # Replaces the top-level channels list (block or [flow] style) with that one channel.
  awk -v channel="teams:$TEAM_CHANNEL" '
    /^channels:/ { print "channels:"; print "  - " channel; skipping = 1; next }
    skipping && (/^[[:space:]]+(-|#)/ || /^[[:space:]]*$/) { next }
    { skipping = 0; print }
  ' "$source_programme" >"$WORK/programme.yaml"
  bot_env+=(DEMO=true PROGRAMME_FILE="$WORK/programme.yaml")
fi

BOT_PID=""
PLAYGROUND_PID=""
stop() {
  trap - INT TERM EXIT
  [ -n "$PLAYGROUND_PID" ] && kill "$PLAYGROUND_PID" 2>/dev/null || true
  [ -n "$BOT_PID" ] && kill "$BOT_PID" 2>/dev/null || true
  [ -n "$PLAYGROUND_PID" ] && wait "$PLAYGROUND_PID" 2>/dev/null || true
  [ -n "$BOT_PID" ] && wait "$BOT_PID" 2>/dev/null || true
  say "stoppet boten og playground."
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The bot and the playground run in process groups of their own (set -m), so Ctrl+C in the terminal
# reaches only this script, whose trap then stops them in order.
say "starter boten på http://127.0.0.1:$PORT/ (Teams-emulatormodus, logg: $BOT_LOG) …"
set -m
env "${bot_env[@]}" "$ROOT/bot" serve >"$BOT_LOG" 2>&1 &
BOT_PID=$!
set +m

ready() {
  node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
for _ in $(seq 1 180); do
  kill -0 "$BOT_PID" 2>/dev/null || {
    tail -n 20 "$BOT_LOG" >&2
    BOT_PID=""
    fail "boten stoppet under oppstart; se meldingene over (hele loggen: $BOT_LOG)."
  }
  ready "http://127.0.0.1:$PORT/readyz" && break
  sleep 1
done
ready "http://127.0.0.1:$PORT/readyz" || fail "boten svarte ikke på http://127.0.0.1:$PORT/readyz innen 3 minutter (logg: $BOT_LOG)."

say "starter Microsoft 365 Agents Playground $PINNED (logg: $PLAYGROUND_LOG) …"
set -m
(
  cd "$WORK"
  # On 127.0.0.1 only (loopback.cjs), no browser of its own (we print the address), no telemetry,
  # its config and log where we say; the bot answers through the playground's connector on 127.0.0.1.
  TEAMSAPPTESTER_BROWSER=none \
    M365_AGENTS_PLAYGROUND_CONFIG_PATH="$HERE/.m365agentsplayground.yml" \
    M365_AGENTS_PLAYGROUND_LOGFILE="$WORK/playground-events.log" \
    exec node --require "$HERE/loopback.cjs" "$PLAYGROUND" \
    --app-endpoint "http://127.0.0.1:$PORT/api/messages" --channel-id msteams \
    --port "$PLAYGROUND_PORT" --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" --disable-telemetry
) >"$PLAYGROUND_LOG" 2>&1 &
PLAYGROUND_PID=$!
set +m

listening=""
for _ in $(seq 1 60); do
  kill -0 "$PLAYGROUND_PID" 2>/dev/null || {
    tail -n 20 "$PLAYGROUND_LOG" >&2
    PLAYGROUND_PID=""
    fail "playground stoppet under oppstart; se meldingene over (hele loggen: $PLAYGROUND_LOG)."
  }
  listening="$(sed -n 's/^Listening on \([0-9][0-9]*\)$/\1/p' "$PLAYGROUND_LOG" | head -n 1)"
  [ -n "$listening" ] && break
  sleep 1
done
[ -n "$listening" ] || fail "playground startet ikke innen ett minutt (logg: $PLAYGROUND_LOG)."

cat >&2 <<EOF

  Åpne http://127.0.0.1:$listening/ i nettleseren.

  «Personal Chat» er en personlig samtale med boten; i kanalene under «Teams Channel» svarer den
  når du nevner den (skriv @Folkevalgt-bot og velg den i lista). Alt går til boten på
  http://127.0.0.1:$PORT/api/messages uten innlogging.
EOF
if [ "$DEMO" = true ]; then
  cat >&2 <<'EOF'

  Demo: programmet postes i kanalen «General» (Kommunestyret) fra om et par minutter. Åpne
  kanalen før det: først da legger playground boten til i teamet, og et innlegg før det kan
  ikke leveres (leveringsloggen sier hvorfor).
EOF
fi
cat >&2 <<EOF

  Stopp med Ctrl+C.

EOF

# Wait until one of them stops or Ctrl+C; the EXIT trap stops the other.
ended() { # $1 = pid, $2 = name, $3 = log
  local status=0
  wait "$1" 2>/dev/null || status=$?
  tail -n 20 "$3" >&2
  fail "$2 stoppet (status $status); se meldingene over (hele loggen: $3)."
}
while kill -0 "$BOT_PID" 2>/dev/null && kill -0 "$PLAYGROUND_PID" 2>/dev/null; do
  sleep 1
done
if ! kill -0 "$BOT_PID" 2>/dev/null; then
  ended "$BOT_PID" boten "$BOT_LOG"
fi
ended "$PLAYGROUND_PID" playground "$PLAYGROUND_LOG"
