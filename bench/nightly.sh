#!/usr/bin/env bash
# The nightly benchmark (issue 7): `povlake nightly` at Gansu scale on a lakehouse that already holds every year,
# with nothing new and with 1 % new rows. Target: the 1 % night costs ≤ 10 % of a full run.
#
#   bench/nightly.sh [--households N | --scale small|gansu] [--years 2016-2020] [--seed S] [--error-rate R]
#                    [--fraction 0.01] [--increment-year Y]
#
# Needs bench/assess.sh's cached gold lakehouse (bench/cache/goldlake-…; built by it when missing) and the cached
# inbox it was made from. In a fresh work folder (hard-linked copies; each _delta_log copied for real):
#   1. nightly_first — the first nightly on that lakehouse: every file is skipped (byte-identical) and gold is up to
#      date; it starts the run log (the first nightly on a lakehouse built by other commands assesses only what it
#      builds);
#   2. nightly_nothing_new — the next night, nothing new;
#   3. make_increment.py adds a delivery dated the next 31 January holding FRACTION of the inbox's rows (event
#      extracts: half corrections, half new events) to the inbox; nightly_increment — the night that loads it.
#      With --increment-year Y the rows come only from the files delivered in Y (late corrections of one year).
# bench/summarize_nightly.py writes bench/results/<date>-nightly-<households>.json: wall time, peak RSS and the
# run log's seconds per stage of each night, and the full run it is compared with — the sum of the measured
# stages of a full build at the same scale (bench/results: ingest and silver of bench/gold.sh's lakehouse, gold of
# every year, and one assessment per year from the assess bench): a full nightly is those commands in one JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=1400000; years="2016-2020"; seed=1; error_rate=0.01; fraction=0.01; increment_year=""
usage="usage: bench/nightly.sh [--households N | --scale small|gansu] [--years A-B] [--seed S] [--error-rate R] [--fraction F] [--increment-year Y]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  case "$1" in
    --fraction) fraction="$2"; shift 2 ;;
    --increment-year) increment_year="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$years" =~ ^[0-9]{4}-[0-9]{4}$ ]] || { echo "$usage" >&2; exit 2; }
bench_setup

key="h$households-y$years-s$seed-e$error_rate"
GOLD_CACHE="$CACHE/goldlake-$key"
if [[ ! -f "$GOLD_CACHE/READY" ]]; then
  echo "bench: no cached gold lakehouse: bench/assess.sh builds it…" >&2
  "$ROOT/bench/assess.sh" --households "$households" --years "$years" --seed "$seed" --error-rate "$error_rate"
fi
INBOX="$CACHE/generated-$key/inbox"
[[ -d "$INBOX" ]] || { echo "bench: the inbox $INBOX is missing" >&2; exit 1; }

echo "bench: building (mvn package)…" >&2
(cd "$ROOT" && mvn -B -q -DskipTests package >&2)
WORK="$CACHE/nightly-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
code_version="$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
echo "bench: linking the gold lakehouse and the inbox into $WORK…" >&2
link_lakehouse "$GOLD_CACHE/lakehouse" "$WORK/lakehouse"
rm -rf "$WORK/lakehouse/_ops/lock" # the run lock of the cached build, if any: this copy starts unlocked
cp -al "$INBOX" "$WORK/inbox"
night() {
  timed "$1" "$ROOT/bin/povlake" nightly --inbox "$WORK/inbox" --lakehouse "$WORK/lakehouse" --out "$WORK/reports"
}
echo "bench: nightly 1 (first on this lakehouse)…" >&2
night nightly_first
echo "bench: nightly 2 (nothing new)…" >&2
night nightly_nothing_new
next=$(( ${years#*-} + 1 ))
python3 "$ROOT/bench/make_increment.py" "$INBOX" "$WORK/inbox" "$fraction" "${next}0131" $increment_year > "$WORK/increment.json"
echo "bench: nightly 3 ($(cat "$WORK/increment.json"))…" >&2
night nightly_increment
"$ROOT/bin/povlake" sql --lakehouse "$WORK/lakehouse" --format json \
  "SELECT run_id, status, exit_code, files_loaded, files_skipped, rows_accepted, rows_quarantined, years_built, stage_seconds FROM ops.nightly_runs ORDER BY started_at" \
  > "$WORK/nightly_runs.json"
python3 "$ROOT/bench/summarize_nightly.py" --work "$WORK" --households "$households" --results "$RESULTS" \
  --code-version "$code_version" \
  --out "$RESULTS/$(date -u +%Y-%m-%d)-nightly-$households${increment_year:+-year$increment_year}.json"
