#!/usr/bin/env bash
# The silver benchmark: ingests a generated inbox, builds silver in full, then ingests a follow-up delivery
# of event rows (1 % of the inbox's rows by default: half corrections, half new events) and builds silver
# incrementally, then once more with nothing new. Records wall time and peak RSS of each step into
# bench/results/<date>-silver-<households>.json. Targets (issue 4): full build of one year ≤ 3 min on 2 cores;
# the incremental build ≤ 15 % of the full one.
#
#   bench/silver.sh --households N | --scale small|gansu  [--years 2020-2020] [--seed S] [--error-rate R] [--increment F]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=140000; years="2020-2020"; seed=1; error_rate=0.01; increment=0.01
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  case "$1" in
    --increment) increment="$2"; shift 2 ;;
    *) echo "usage: bench/silver.sh [--households N | --scale small|gansu] [--years A-B] [--seed S] [--error-rate R] [--increment F]" >&2; exit 2 ;;
  esac
done
bench_setup
WORK="$CACHE/silver-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
(cd "$ROOT" && mvn -B -q -DskipTests package >&2)
ensure_inbox "$households" "$years" "$seed" "$error_rate"

# a fixed key: the benchmark's pseudonyms are as expensive as real ones
LAKE="$WORK/lakehouse"
last_year="${years#*-}"
echo "bench: ingest…" >&2
timed ingest "$ROOT/bin/povlake" ingest --inbox "$inbox" --lakehouse "$LAKE"
echo "bench: silver, full build…" >&2
timed silver_full "$ROOT/bin/povlake" build-silver --lakehouse "$LAKE"
echo "bench: the follow-up delivery ($increment of the rows)…" >&2
python3 "$ROOT/bench/make_increment.py" "$inbox" "$WORK/increment" "$increment" "$((last_year + 1))0131" > "$WORK/increment.json"
timed ingest_increment "$ROOT/bin/povlake" ingest --inbox "$WORK/increment" --lakehouse "$LAKE"
echo "bench: silver, incremental build…" >&2
timed silver_incremental "$ROOT/bin/povlake" build-silver --lakehouse "$LAKE"
echo "bench: silver, nothing new…" >&2
timed silver_noop "$ROOT/bin/povlake" build-silver --lakehouse "$LAKE"
"$ROOT/bin/povlake" tables --lakehouse "$LAKE" --format csv > "$WORK/tables.csv" 2>/dev/null

python3 "$ROOT/bench/summarize_silver.py" --work "$WORK" --households "$households" --years "$years" \
  --out "$RESULTS/$(date -u +%Y-%m-%d)-silver-$households.json"
rm -rf "$LAKE"
