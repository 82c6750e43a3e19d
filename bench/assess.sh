#!/usr/bin/env bash
# The assessment benchmark (issue 6): `povlake assess` of one year from a gold lakehouse at Gansu scale.
# Target: ≤ 30 s on 2 cores (JVM start included, as an operator runs it).
#
#   bench/assess.sh [--households N | --scale small|gansu] [--years 2016-2020] [--year Y] [--seed S] [--error-rate R]
#
# Stage 1 (once per arguments, cached): a copy of bench/gold.sh's cached silver lakehouse (hard links; each
#   _delta_log copied for real) gets gold for every year: bench/cache/goldlake-h<N>-y<years>-…/lakehouse.
# Stage 2: povlake assess --year Y, timed three ways on that lakehouse —
#   json+csv (the contract files) · all four formats (json, csv, html, xlsx) · all four, published —
#   then an --as-of reproduction of the first, checked byte for byte against it (apart from generated_at).
#   bench/summarize_assess.py writes bench/results/<date>-assess-<households>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=1400000; years="2016-2020"; year=""; seed=1; error_rate=0.01
usage="usage: bench/assess.sh [--households N | --scale small|gansu] [--years A-B] [--year Y] [--seed S] [--error-rate R]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  case "$1" in
    --year) year="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$years" =~ ^[0-9]{4}-[0-9]{4}$ ]] || { echo "$usage" >&2; exit 2; }
year="${year:-${years#*-}}"
bench_setup

key="h$households-y$years-s$seed-e$error_rate"
GOLD_CACHE="$CACHE/goldlake-$key"
if [[ ! -f "$GOLD_CACHE/READY" ]]; then
  "$ROOT/bench/gold.sh" --households "$households" --years "$years" --seed "$seed" --error-rate "$error_rate" --prepare-only
  rm -rf "$GOLD_CACHE"; mkdir -p "$GOLD_CACHE"
  echo "bench: linking the cached silver lakehouse into $GOLD_CACHE…" >&2
  link_lakehouse "$CACHE/lake-$key/lakehouse" "$GOLD_CACHE/lakehouse"
  WORK="$GOLD_CACHE"
  echo "bench: gold $years (once; about 15 minutes at Gansu scale)…" >&2
  timed gold "$ROOT/bin/povlake" build-gold --lakehouse "$GOLD_CACHE/lakehouse" --years "$years"
  date -u +%Y-%m-%dT%H:%M:%SZ > "$GOLD_CACHE/READY"
else
  echo "bench: using the cached gold lakehouse $GOLD_CACHE/lakehouse" >&2
fi
LAKE="$GOLD_CACHE/lakehouse"

echo "bench: building (mvn package)…" >&2
(cd "$ROOT" && mvn -B -q -DskipTests package >&2)
WORK="$CACHE/assess-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
echo "bench: povlake assess --year $year (json,csv)…" >&2
timed assess_contract "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$year" --out "$WORK/contract" --format json,csv
echo "bench: povlake assess --year $year (all formats)…" >&2
timed assess_all "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$year" --out "$WORK/all"
echo "bench: povlake assess --year $year --publish…" >&2
timed assess_published "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$year" --out "$WORK/published" --publish
echo "bench: povlake assess --year $year --as-of (reproduction)…" >&2
timed assess_as_of "$ROOT/bin/povlake" assess --lakehouse "$LAKE" --year "$year" --out "$WORK/again" --format json,csv \
  --as-of "$WORK/contract/manifest.json"
same=true
cmp -s "$WORK/contract/indicators_$year.csv" "$WORK/again/indicators_$year.csv" || same=false
blank='s/"generated_at":"[^"]*"/"generated_at":""/'
cmp -s <(sed "$blank" "$WORK/contract/assessment_$year.json") <(sed "$blank" "$WORK/again/assessment_$year.json") || same=false
python3 "$ROOT/bench/summarize_assess.py" --work "$WORK" --households "$households" --year "$year" \
  --reproduced "$same" --out "$RESULTS/$(date -u +%Y-%m-%d)-assess-$households.json"
