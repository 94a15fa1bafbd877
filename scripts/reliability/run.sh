#!/usr/bin/env bash
# Runs the on-demand reliability tests against the built jar and prints their figures.
# See docs/reliability.md. Takes about 10 minutes for both classes, after the build.
#
#   scripts/reliability/run.sh                      # both: TwoInstancesTest and FaultsTest
#   scripts/reliability/run.sh TwoInstancesTest     # one class
#   scripts/reliability/run.sh 'FaultsTest#slackOutage*'
#   OUTAGE_SECONDS=180 scripts/reliability/run.sh 'FaultsTest#slackOutage*'   # a longer Slack outage
#   SLACK_LATENCY_MS=2000 scripts/reliability/run.sh TwoInstancesTest        # kill while a post is in flight
set -euo pipefail
cd "$(dirname "$0")/../.."
tests="${1:-TwoInstancesTest,FaultsTest}"
started=$(date +%s)
mvn -B -q -ntp install -DskipTests
status=0
mvn -B -ntp -pl adapters/app test -Dreliability=true -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dreliability.outageSeconds="${OUTAGE_SECONDS:-72}" -Dreliability.slackLatencyMs="${SLACK_LATENCY_MS:-0}" || status=$?
for summary in adapters/app/target/reliability/*/summary.txt; do
    if [ "$(stat -c %Y "$summary")" -ge "$started" ]; then
        echo "== $summary"
        cat "$summary"
    fi
done
exit $status
