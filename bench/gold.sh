#!/usr/bin/env bash
# The gold benchmark (issue 5): gold for one year and for five years on a cached silver lakehouse, and the
# DuckDB peer (org.povlake.bench.DuckDbGoldPeer) computing the same indicators for one year from silver's
# Parquet files, side by side in the same run. Targets: gold for one year at Gansu scale (1.4 M households)
# ≤ 2 min on 2 cores, for five years ≤ 6 min; povlake / DuckDB ≤ 3; the two agree on every cell.
#
#   bench/gold.sh --households N | --scale small|gansu  [--years 2016-2020] [--year 2020] [--seed S]
#                 [--error-rate R] [--prepare-only]
#
# Stage 1 (once per arguments, cached): the generated inbox is ingested and silver built into
#   bench/cache/lake-h<N>-y<years>-s<seed>-e<rate>/lakehouse (times in that folder's *.time files).
#   --prepare-only stops there.
# Stage 2: the cached lakehouse is linked into a work folder (link_lakehouse: the cache is never written to), then
#   povlake build --years <year> (on a fresh copy)  ·  povlake build --years <years> (on another fresh copy)
#   ·  the DuckDB peer for <year> on the latter, compared with its gold.indicators;
#   bench/summarize_gold.py writes bench/results/<date>-gold-<households>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=1400000; years="2016-2020"; year=""; seed=1; error_rate=0.01; prepare_only=false
usage="usage: bench/gold.sh [--households N | --scale small|gansu] [--years A-B] [--year Y] [--seed S] [--error-rate R] [--prepare-only]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  case "$1" in
    --year) year="$2"; shift 2 ;;
    --prepare-only) prepare_only=true; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$years" =~ ^[0-9]{4}-[0-9]{4}$ ]] || { echo "$usage" >&2; exit 2; }
year="${year:-${years#*-}}"
bench_setup

echo "bench: building (mvn -Pbench package)…" >&2
(cd "$ROOT" && mvn -B -q -Pbench -DskipTests package >&2)

# a fixed key: the benchmark's pseudonyms are as expensive as real ones

# --- stage 1: the cached silver lakehouse ------------------------------------------------------------------
key="h$households-y$years-s$seed-e$error_rate"
LAKE_CACHE="$CACHE/lake-$key"
if [[ ! -f "$LAKE_CACHE/READY" ]]; then
  rm -rf "$LAKE_CACHE"; mkdir -p "$LAKE_CACHE"
  WORK="$LAKE_CACHE"   # timed keeps generate/ingest/silver's .time/.out/.err next to the lakehouse
  ensure_inbox "$households" "$years" "$seed" "$error_rate"
  echo "bench: ingest of $inbox into $LAKE_CACHE/lakehouse…" >&2
  timed ingest "$ROOT/bin/povlake" ingest --inbox "$inbox" --lakehouse "$LAKE_CACHE/lakehouse"
  echo "bench: silver…" >&2
  timed silver "$ROOT/bin/povlake" build-silver --lakehouse "$LAKE_CACHE/lakehouse"
  "$ROOT/bin/povlake" tables --lakehouse "$LAKE_CACHE/lakehouse" --format csv > "$LAKE_CACHE/tables.csv" 2>/dev/null
  date -u +%Y-%m-%dT%H:%M:%SZ > "$LAKE_CACHE/READY"
  echo "bench: silver lakehouse ready in $LAKE_CACHE/lakehouse" >&2
else
  echo "bench: using the cached silver lakehouse $LAKE_CACHE/lakehouse" >&2
fi
$prepare_only && exit 0

# --- stage 2: gold, 1 year and all years, and the DuckDB peer ---------------------------------------------
# Each build runs on its own fresh copy of the cached lakehouse (the cache is never written to), so the
# all-years build cannot skip a year the one-year build already made.
WORK="$CACHE/gold-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
LAKE="$WORK/lakehouse"
echo "bench: linking the cached lakehouse to $LAKE (hard links; each _delta_log copied)…" >&2
link_lakehouse "$LAKE_CACHE/lakehouse" "$LAKE"
echo "bench: povlake build --years $year…" >&2
timed gold_1y "$ROOT/bin/povlake" build --lakehouse "$LAKE" --years "$year"
gold_builds_sql="SELECT build_id, CAST(started_at AS STRING) AS started_at, year, seconds FROM ops.gold_builds ORDER BY started_at, year"
"$ROOT/bin/povlake" sql --lakehouse "$LAKE" --format json --max-rows 1000 "$gold_builds_sql" \
  > "$WORK/gold_builds_1y.json" 2> "$WORK/gold_builds_1y.err" || true
rm -rf "$LAKE"; link_lakehouse "$LAKE_CACHE/lakehouse" "$LAKE"
echo "bench: povlake build --years $years…" >&2
timed gold_all "$ROOT/bin/povlake" build --lakehouse "$LAKE" --years "$years"
"$ROOT/bin/povlake" sql --lakehouse "$LAKE" --format json --max-rows 1000 "$gold_builds_sql" \
  > "$WORK/gold_builds_all.json" 2> "$WORK/gold_builds_all.err" || true
echo "bench: DuckDB peer for $year…" >&2
timed duckdb_gold java -Xmx3g $(cat "$ROOT/jobs/target/classes/povlake-jvm.options") -XX:+UseParallelGC \
  -cp "$ROOT/bench/target/povlake-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt")" \
  org.povlake.bench.DuckDbGoldPeer --lakehouse "$LAKE" --year "$year" --threads "$(nproc)" --memory-limit 6GB \
  --out "$WORK/peer-cells.parquet" --csv "$WORK/peer-cells.csv" --json "$WORK/peer.json" --compare
python3 "$ROOT/bench/summarize_gold.py" --work "$WORK" --lake-cache "$LAKE_CACHE" --households "$households" \
  --years "$years" --year "$year" --out "$RESULTS/$(date -u +%Y-%m-%d)-gold-$households.json"
rm -rf "$LAKE"
