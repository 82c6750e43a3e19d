#!/usr/bin/env bash
# The disclosure benchmark (issue 14): every year of a generated inbox published with `povlake assess --publish`, then
# attacked by the automated adversary (org.povlake.assess.ReleaseAdversary, pipelines' test code: it reads only the
# published JSON and CSV and the public methods) — score inversion (pillar scores, composites, grades and ranks as
# bounds), parent − shown children (numerators and denominators, 0/0 cells recognised as an outsider can) and the
# changes between years — scored against the unpublished assessments. Target: 0 hidden cells recovered, every
# release passes the audit, the disclosure control well under a minute a year on 2 cores.
#
#   bench/disclosure.sh [--households N | --scale small|gansu] [--years 2016-2020] [--seed S] [--error-rate R]
#   (default: 20,000 households, 2016-2020)
#
# Needs bench/assess.sh's cached gold lakehouse (bench/cache/goldlake-…; built by it when missing: generate → ingest
# → silver → gold, several minutes at 20,000 households). The lakehouse is only read.
# For every year Y: povlake assess --year Y --publish --format json,csv into WORK/published and --format json (the
# truth, for scoring) into WORK/truth, each timed; then the adversary over all years; bench/summarize_disclosure.py
# writes bench/results/<date>-disclosure-<households>.json (per year: the audit's summary from the manifest, the
# control's seconds, the composites and ranks still published, the cells recovered) and prints one line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=20000; years="2016-2020"; seed=1; error_rate=0.01
usage="usage: bench/disclosure.sh [--households N | --scale small|gansu] [--years A-B] [--seed S] [--error-rate R]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  echo "$usage" >&2; exit 2
done
[[ "$years" =~ ^[0-9]{4}-[0-9]{4}$ ]] || { echo "$usage" >&2; exit 2; }
bench_setup

key="h$households-y$years-s$seed-e$error_rate"
GOLD_CACHE="$CACHE/goldlake-$key"
if [[ ! -f "$GOLD_CACHE/READY" ]]; then
  echo "bench: no cached gold lakehouse: bench/assess.sh builds it…" >&2
  "$ROOT/bench/assess.sh" --households "$households" --years "$years" --seed "$seed" --error-rate "$error_rate"
fi
LAKE="$GOLD_CACHE/lakehouse"

echo "bench: building (mvn -Pbench package: the jar, the adversary's test classes, the runtime classpath)…" >&2
(cd "$ROOT" && mvn -B -q -Pbench -DskipTests package >&2)
WORK="$CACHE/disclosure-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
list=()
for ((y = ${years%-*}; y <= ${years#*-}; y++)); do
  echo "bench: povlake assess --year $y --publish…" >&2
  timed "publish_$y" "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$y" --out "$WORK/published" \
    --format json,csv --publish
  timed "truth_$y" "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$y" --out "$WORK/truth" --format json
  list+=("$y")
done
echo "bench: the adversary on ${list[*]}…" >&2
timed adversary java -Xmx2g -cp "$ROOT/pipelines/target/test-classes:$(cat "$ROOT/bench/target/runtime-classpath.txt")" \
  org.povlake.assess.ReleaseAdversary "$WORK/published" "$WORK/truth" "${list[@]}"
python3 "$ROOT/bench/summarize_disclosure.py" --work "$WORK" --households "$households" --years "${list[*]}" \
  --out "$RESULTS/$(date -u +%Y-%m-%d)-disclosure-$households.json"
