#!/usr/bin/env bash
# The analysts' benchmark (issue 17): answers with and without a warm `povlake serve`.
# Targets: through the server `SELECT 1` ≤ 0.5 s and the README's county league table ≤ 2 s; cold (no server)
# `SELECT 1` ≤ 8 s.
#
#   bench/serve.sh [--lakehouse DIR] [--runs N]
#
# DIR (default: bench/cache/goldlake-h14000-y2016-2020-s1-e0.01/lakehouse, the 1 % gold lakehouse bench/assess.sh
# --scale small builds) is linked into a scratch copy, so the server's files and the access log stay out of it.
# Timed, N runs each (min / median / max), whole commands as an analyst runs them (bin/povlake, JVM start included):
#   cold     povlake sql "SELECT 1" and the league table, no server
#   serve    povlake serve until it is ready (once)
#   served   the same two commands while the server runs (bin/povlake sends them through it)
#   session  one statement inside a running client session (povlake shell --file with 1 and with 21 statements,
#            through the server: (t21 − t1) / 20) — what a shell, PySpark or a notebook user waits
# Results: bench/results/<date>-serve.md and .json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
source_lake=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --lakehouse) source_lake="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: bench/serve.sh [--lakehouse DIR] [--runs N]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_setup
source_lake="${source_lake:-$CACHE/goldlake-h14000-y2016-2020-s1-e0.01/lakehouse}"
[[ -d "$source_lake/gold/region_scores" ]] || {
  echo "bench: no gold lakehouse at $source_lake (bench/assess.sh --scale small builds one)" >&2; exit 2; }
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/povlake-serve-bench.XXXXXX")"
trap 'pkill -f "PovlakeCli serve --lakehouse $WORK/lakehouse" 2>/dev/null || true; rm -rf "$WORK"' EXIT
link_lakehouse "$source_lake" "$WORK/lakehouse"
LAKE="$WORK/lakehouse"
"$ROOT/bin/povlake" --version >/dev/null # builds the jar if needed, outside the timings
league="SELECT region_code, region_name, composite, grade, rank FROM gold.region_scores
WHERE year = 2020 AND region_level = 'county' ORDER BY rank, region_code"
times="$WORK/times.tsv"
: > "$times"

# run_timed LABEL CMD…: wall seconds of one run, appended to times.tsv
run_timed() {
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$WORK/last.out" 2> "$WORK/last.err" || { echo "bench: $label failed" >&2; cat "$WORK/last.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo -e "$label\t$(echo "$t1 - $t0" | bc)" >> "$times"
}

for i in $(seq "$runs"); do
  run_timed cold_select1 "$ROOT/bin/povlake" sql --lakehouse "$LAKE" "SELECT 1"
  run_timed cold_league "$ROOT/bin/povlake" sql --lakehouse "$LAKE" "$league"
done

t0=$(date +%s.%N)
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$ROOT/bin/povlake" serve --lakehouse "$LAKE" --port "$port" > "$WORK/serve.out" 2> "$WORK/serve.err" &
while [[ ! -f "$LAKE/_serve/server.json" ]]; do
  sleep 0.2; kill -0 $! 2>/dev/null || { echo "bench: serve stopped" >&2; cat "$WORK/serve.err" >&2; exit 1; }
done
echo -e "serve_ready\t$(echo "$(date +%s.%N) - $t0" | bc)" >> "$times"
# the first statement of a server reads each table's log once: not what an analyst waits for afterwards
"$ROOT/bin/povlake" sql --lakehouse "$LAKE" "$league" > /dev/null 2>&1
for i in $(seq "$runs"); do
  run_timed served_select1 "$ROOT/bin/povlake" sql --lakehouse "$LAKE" "SELECT 1"
  run_timed served_league "$ROOT/bin/povlake" sql --lakehouse "$LAKE" "$league"
done
grep -q "(88 rows)" "$WORK/last.out" || { echo "bench: the league table is not 88 counties" >&2; cat "$WORK/last.out" >&2; exit 1; }

for what in select1 league; do
  if [[ $what == select1 ]]; then stmt="SELECT 1;"; else stmt="$(echo "$league" | tr '\n' ' ');"; fi
  echo "$stmt" > "$WORK/one.sql"
  for n in $(seq 21); do echo "$stmt"; done > "$WORK/many.sql"
  for i in $(seq "$runs"); do
    run_timed "shell1_$what" "$ROOT/bin/povlake" shell --lakehouse "$LAKE" --file "$WORK/one.sql"
    run_timed "shell21_$what" "$ROOT/bin/povlake" shell --lakehouse "$LAKE" --file "$WORK/many.sql"
  done
done

python3 - "$times" "$RESULTS/$stamp-serve" "$source_lake" "$(git -C "$ROOT" describe --always --dirty)" <<'PY'
import json, statistics, sys
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    k, v = line.split("\t"); rows[k].append(float(v))
def stats(v): return {"min": min(v), "median": statistics.median(v), "max": max(v), "runs": len(v)}
out = {k: stats(v) for k, v in rows.items()}
for w in ("select1", "league"):
    per = [(b - a) / 20 for a, b in zip(rows[f"shell1_{w}"], rows[f"shell21_{w}"])]
    out[f"session_{w}"] = stats(per)
targets = {"served_select1": 0.5, "served_league": 2.0, "cold_select1": 8.0,
           "session_select1": 0.5, "session_league": 2.0}
label = {"cold_select1": "cold: povlake sql \"SELECT 1\"", "cold_league": "cold: the county league table",
         "serve_ready": "povlake serve until ready", "served_select1": "through the server: povlake sql \"SELECT 1\"",
         "served_league": "through the server: the county league table",
         "session_select1": "in a session through the server: SELECT 1",
         "session_league": "in a session through the server: the league table"}
md = [f"# Analysts' answers with and without povlake serve ({sys.argv[3]}, code {sys.argv[4]})", "",
      "| what (wall seconds) | min | median | max | target |", "|---|---:|---:|---:|---|"]
for k in label:
    s = out[k]; t = targets.get(k)
    mark = "" if t is None else (f"≤ {t} s: {'met' if s['median'] <= t else 'missed'}")
    md.append(f"| {label[k]} | {s['min']:.2f} | {s['median']:.2f} | {s['max']:.2f} | {mark} |")
json.dump({"lakehouse": sys.argv[3], "code": sys.argv[4], "seconds": out, "targets": targets},
          open(sys.argv[2] + ".json", "w"), indent=2)
open(sys.argv[2] + ".md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
PY
