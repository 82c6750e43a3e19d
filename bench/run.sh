#!/usr/bin/env bash
# povlake's benchmark harness. Generates an inbox (cached by its arguments), ingests it with povlake and,
# side by side in the same run, with the DuckDB peer; records wall time, rows/s, peak RSS and input bytes
# per stage into bench/results/<date>-<households>.json and prints a one-line summary.
#
#   bench/run.sh --households N | --scale small|gansu   [--years 2016-2020] [--seed S] [--error-rate R]
#   bench/run.sh --inbox DIR                             (bench an existing inbox instead)
#
# Timings are of whole commands (JVM start included), measured with /usr/bin/time -v.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=10000; scale=""; years="2016-2020"; seed=1; error_rate=0; inbox=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --households) households="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --error-rate) error_rate="$2"; shift 2 ;;
    --inbox) inbox="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--households N | --scale small|gansu | --inbox DIR] [--years A-B] [--seed S] [--error-rate R]" >&2; exit 2 ;;
  esac
done
case "$scale" in
  small) households=2000 ;; gansu) households=1400000 ;; "") ;;
  *) echo "bench/run.sh: unknown scale '$scale'" >&2; exit 2 ;;
esac
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

CACHE="$ROOT/bench/cache"; RESULTS="$ROOT/bench/results"; mkdir -p "$CACHE" "$RESULTS"
STAMP="$(date -u +%Y-%m-%dT%H%M%SZ)"
WORK="$CACHE/run-$STAMP"; mkdir -p "$WORK"

echo "bench: building (mvn -Pbench package)…" >&2
(cd "$ROOT" && mvn -B -q -Pbench -DskipTests package >&2)

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if [[ -z "$inbox" ]]; then
  ensure_inbox "$households" "$years" "$seed" "$error_rate"
else
  households="inbox"
fi

echo "bench: povlake ingest…" >&2
rm -rf "$WORK/lakehouse"
timed ingest "$ROOT/bin/povlake" ingest --inbox "$inbox" --lakehouse "$WORK/lakehouse" \
  --report-json "$WORK/ingest-report.json"

echo "bench: DuckDB peer (parse, type, write Parquet)…" >&2
timed duckdb_ingest java -Xmx4g -cp "$ROOT/bench/target/povlake-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt")" \
  org.povlake.bench.DuckDbIngestPeer "$inbox" "$WORK/duckdb-parquet" "$(nproc)"

out="$RESULTS/$(date -u +%Y-%m-%d)-$households.json"
python3 "$ROOT/bench/summarize.py" --work "$WORK" --inbox "$inbox" --households "$households" \
  --years "$years" --seed "$seed" --error-rate "$error_rate" --out "$out"
rm -rf "$WORK/lakehouse" "$WORK/duckdb-parquet"
