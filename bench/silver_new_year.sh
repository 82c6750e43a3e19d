#!/usr/bin/env bash
# Silver when a new registry year arrives: ingests and builds every year of a generated inbox but the last, ingests
# the last year's deliveries, then times `povlake build-silver` on a copy of that lakehouse with this checkout and,
# with --before CHECKOUT (another checkout of povlake, built), with that one too; the two builds' silver tables are
# then compared (bench/compare.sh: EXCEPT ALL both ways, run ids and times left out).
#   bench/silver_new_year.sh [--households N | --scale small|gansu] [--years 2016-2020] [--seed S] [--error-rate R]
#                            [--before CHECKOUT]
# Writes bench/results/<date>-silver-new-year-<households>.json: per build the seconds, peak RSS and what each silver
# table did; and whether the tables agree.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
households=14000; years="2016-2020"; seed=1; error_rate=0.01; before=""
usage="usage: bench/silver_new_year.sh [--households N | --scale small|gansu] [--years A-B] [--seed S] [--error-rate R] [--before CHECKOUT]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
while [[ $# -gt 0 ]]; do
  if [[ $# -ge 2 ]] && bench_option "$1" "$2"; then shift 2; continue; fi
  case "$1" in
    --before) [[ $# -ge 2 && -x "$2/bin/povlake" ]] || { echo "bench: --before needs a povlake checkout" >&2; exit 2; }
              before="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
first_year="${years%-*}"; last_year="${years#*-}"
[[ "$first_year" -lt "$last_year" ]] || { echo "bench: --years must span two years or more" >&2; exit 2; }
bench_setup
WORK="$CACHE/silver-new-year-$(date -u +%Y-%m-%dT%H%M%SZ)"; mkdir -p "$WORK"
(cd "$ROOT" && mvn -B -q -DskipTests package >&2)
ensure_inbox "$households" "$years" "$seed" "$error_rate"

# the inbox as it stood before the last year: every delivery dated before its first day (hard links)
earlier="$WORK/inbox-before-$last_year"
(cd "$inbox" && find . -type f) | while read -r f; do
  if [[ "$f" =~ _([0-9]{8})\.csv(\.gz)?$ && "${BASH_REMATCH[1]}" < "${last_year}0101" ]]; then
    mkdir -p "$earlier/$(dirname "$f")" && ln "$inbox/$f" "$earlier/$f"; fi
done
BASE="$WORK/base"
echo "bench: bronze and silver up to $((last_year - 1))…" >&2
timed ingest_earlier "$ROOT/bin/povlake" ingest --inbox "$earlier" --lakehouse "$BASE"
timed silver_earlier "$ROOT/bin/povlake" build-silver --lakehouse "$BASE"
echo "bench: ingest of $last_year…" >&2
timed ingest_new_year "$ROOT/bin/povlake" ingest --inbox "$inbox" --lakehouse "$BASE"

builds=(after)
[[ -n "$before" ]] && builds+=(before)
for b in "${builds[@]}"; do
  checkout="$ROOT"; [[ "$b" == before ]] && checkout="$before"
  link_lakehouse "$BASE" "$WORK/$b"
  echo "bench: build-silver with $b ($checkout)…" >&2
  timed "silver_$b" "$checkout/bin/povlake" build-silver --lakehouse "$WORK/$b"
done
agree=null
if [[ -n "$before" ]]; then
  echo "bench: comparing the silver tables…" >&2
  if "$ROOT/bench/compare.sh" "$WORK/before" "$WORK/after" --layers silver > "$WORK/compare.out" 2>&1; then
    agree=true; else agree=false; fi
fi

out="$RESULTS/$(date -u +%Y-%m-%d)-silver-new-year-$households.json"
python3 - "$WORK" "$households" "$years" "$agree" "$before" "$out" <<'PY'
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(sys.argv[6])), ".."))
from summarize import time_v
from summarize_silver import actions
work, households, years, agree, before, out = sys.argv[1:]
def version(d):
    return subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                          cwd=d).stdout.strip()
builds = {}
for b in ["after", "before"]:
    if os.path.exists(os.path.join(work, "silver_" + b + ".time")):
        builds[b] = dict(time_v(os.path.join(work, "silver_" + b + ".time")),
                         tables=actions(os.path.join(work, "silver_" + b + ".out")))
builds["after"]["code_version"] = version(os.path.dirname(os.path.abspath(out)))
if before:
    builds["before"]["code_version"] = version(before)
result = {"bench": "silver-new-year", "households": int(households), "years": years,
          "steps": {n: time_v(os.path.join(work, n + ".time"))
                    for n in ["ingest_earlier", "silver_earlier", "ingest_new_year"]},
          "builds": builds, "tables_agree": json.loads(agree),
          "compare": open(os.path.join(work, "compare.out")).read().splitlines()[-8:] if before else None,
          "work": work}
json.dump(result, open(out, "w"), indent=1, ensure_ascii=False)
print(json.dumps({b: {"wall_s": v["wall_s"], "peak_rss_mb": v.get("peak_rss_mb")} for b, v in builds.items()}),
      "tables agree:", agree, "→", out)
PY
