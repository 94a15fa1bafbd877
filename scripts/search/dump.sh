#!/usr/bin/env bash
# Dumps, for every question of the shared dev sets, the ranked candidates and the measures the
# decision is made from (knowledge's TuneDump), into target/search-calibration/f-<set>.jsonl.
# Then: python3 scripts/search/calibrate.py [name=value ...]   (see docs/search.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eval_dir="${EVAL_DIR:-$root/../shared/eval}"
out="$root/target/search-calibration"
mkdir -p "$out"
cd "$root"
mvn -B -q -ntp test-compile -pl knowledge
mvn -B -q -ntp dependency:build-classpath -pl knowledge -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="knowledge/target/classes:knowledge/target/test-classes:$(cat "$out/cp.txt")"
for set in dev-questions.tsv dev-questions-2.tsv; do
  grep -v '^#' "$eval_dir/$set" | cut -f3 \
    | java -cp "$cp" -Dproject.root="$root" no.folkevalgt.knowledge.TuneDump > "$out/f-$set.jsonl"
done
echo "wrote $out/f-*.jsonl"
