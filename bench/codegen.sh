#!/usr/bin/env bash
# Compiled or interpreted (POVLAKE_CODEGEN, lake.CodeGeneration): ingest → build-silver → build-gold on one inbox,
# once with Spark's generated code (on) and once without (off), each stage a whole process timed with
# /usr/bin/time -v. The choice povlake makes by itself (auto) is the faster of the two below the threshold.
#
#   bench/codegen.sh [--sample | --households N] [--years A-B] [--seed S] [--error-rate R] [--counties C,C,…]
#
# --sample: sample-data/inbox (default); --households N: a generated inbox (cached in bench/cache).
# --counties: the lakehouse's counties (povlake.counties), e.g. the sample's 621121,621123,621223.
# Writes bench/results/<date>-codegen-<what>.json: seconds and peak memory per stage and mode, and the outputs'
# agreement (gold.indicators of both modes compared cell by cell).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=""; years="2020-2020"; seed=1; error_rate=0; counties=""
usage="usage: bench/codegen.sh [--sample | --households N] [--years A-B] [--seed S] [--error-rate R] [--counties C,…]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if bench_option "$1" "${2:-}"; then shift 2; continue; fi
  case "$1" in
    --sample) households=""; shift ;;
    --counties) counties="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
bench_setup
(cd "$ROOT" && mvn -B -q -DskipTests package >&2)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/povlake-codegen.XXXXXX")"
if [[ -z "$households" ]]; then inbox="$ROOT/sample-data/inbox"; what="sample"
else ensure_inbox "$households" "$years" "$seed" "$error_rate"; what="$households"; fi
[[ -n "$counties" ]] && what="$what-counties"
export POVLAKE_JAVA_OPTS="${POVLAKE_JAVA_OPTS:-}${counties:+ -Dpovlake.counties=$counties}"
for mode in on off; do
  lake="$WORK/lake-$mode"
  export POVLAKE_CODEGEN=$mode
  timed "ingest-$mode" "$ROOT/bin/povlake" ingest --inbox "$inbox" --lakehouse "$lake"
  timed "silver-$mode" "$ROOT/bin/povlake" build-silver --lakehouse "$lake"
  timed "gold-$mode" "$ROOT/bin/povlake" build-gold --lakehouse "$lake"
  timed "export-$mode" "$ROOT/bin/povlake" sql --lakehouse "$lake" --format csv --max-rows 100000000 \
    "SELECT year, region_code, indicator_id, numerator, denominator, value, met FROM gold.indicators ORDER BY 1, 2, 3"
done
unset POVLAKE_CODEGEN
python3 - "$WORK" "$RESULTS/$(date -u +%F)-codegen-$what.json" "$what" <<'PY'
import json, re, sys, hashlib
work, out, what = sys.argv[1:]
def timing(name):
    t = open(f"{work}/{name}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    return {"seconds": round(secs, 1), "max_rss_mb": rss // 1024}
stages = ["ingest", "silver", "gold"]
res = {m: {s: timing(f"{s}-{m}") for s in stages} for m in ("on", "off")}
same = open(f"{work}/export-on.out", "rb").read() == open(f"{work}/export-off.out", "rb").read()
cells = max(0, open(f"{work}/export-on.out").read().count("\n") - 1)
json.dump({"inbox": what, "seconds_by_mode": res, "gold_indicators_identical": same, "cells": cells,
           "interpreted_over_compiled": {s: round(res["off"][s]["seconds"] / res["on"][s]["seconds"], 3) for s in stages}},
          open(out, "w"), indent=2)
print(open(out).read())
PY
echo "bench: work folder $WORK"
