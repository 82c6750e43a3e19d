#!/usr/bin/env bash
# The whole scaling picture in one command: the pipeline (ingest → silver → gold → assessment) at the sample, 1 %,
# 10 % and 100 % of Gansu, for one year and for five years, with the DuckDB peers of ingest, silver and gold in the
# same run; bench/summarize_scaling.py writes one table (bench/results/<date>-scaling.md, and .json; if the day
# already has one, <date>-scaling-<run time>.md): per stage the
# seconds (whole command, and the command's own figure after JVM and Spark start), rows, rows/s, peak RSS, the peer's
# seconds and the ratio, the fixed cost (at the sample), the growth per 10× data, five years over one, and the targets.
#
#   bench/scaling.sh [--sizes sample,14000,140000,1400000] [--years-set 1,5] [--seed S] [--error-rate R] [--skip-peers]
#
# --sizes: "sample" (sample-data/inbox as it is, run once for every year it holds) and household counts (a generated
#   inbox, cached in bench/cache as for the other bench scripts). --years-set: N = the last N years up to 2020 (1 =
#   2020-2020, 5 = 2016-2020). For each size and years: a fresh lakehouse, each command timed with /usr/bin/time -v:
#   start (`povlake sql "SELECT 1"` on an empty lakehouse: JVM and Spark start) · `povlake ingest` · `build-silver` ·
#   `build-gold --years` (every year of the set) · `assess --year <last>` in all four formats · the DuckDB peers
#   (DuckDbIngestPeer on the inbox, DuckDbSilverPeer on the lakehouse's bronze, DuckDbGoldPeer for the last year; both
#   with --compare). The lakehouse, reports and peer outputs are deleted after each run; the .time/.out/.err stay in
#   bench/cache/scaling-<time>/<run>/. A povlake stage that fails ends its run (the others go on; exit 1 at the end);
#   a peer that fails is recorded as failed. POVLAKE_JAVA_OPTS etc. reach every povlake command as usual.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="sample,14000,140000,1400000"; years_sets="1,5"; seed=1; error_rate=0.01; skip_peers=false
usage="usage: bench/scaling.sh [--sizes sample,14000,140000,1400000] [--years-set 1,5] [--seed S] [--error-rate R] [--skip-peers]"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bad_usage() { echo "bench/scaling.sh: $1" >&2; echo "$usage" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes|--years-set|--seed|--error-rate)
      [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || bad_usage "$1 needs a value"
      case "$1" in
        --sizes) sizes="$2" ;; --years-set) years_sets="$2" ;; --seed) seed="$2" ;; --error-rate) error_rate="$2" ;;
      esac
      shift 2 ;;
    --skip-peers) skip_peers=true; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) bad_usage "unknown option '$1'" ;;
  esac
done
IFS=, read -r -a size_list <<< "$sizes"
IFS=, read -r -a years_list <<< "$years_sets"
[[ ${#size_list[@]} -gt 0 ]] || bad_usage "--sizes is empty"
[[ ${#years_list[@]} -gt 0 ]] || bad_usage "--years-set is empty"
for s in "${size_list[@]}"; do
  [[ "$s" == sample || "$s" =~ ^[1-9][0-9]*$ ]] || bad_usage "a size is 'sample' or a number of households, not '$s'"
done
for y in "${years_list[@]}"; do
  [[ "$y" =~ ^[1-5]$ ]] || bad_usage "a years set is a number of years from 1 to 5 (ending 2020), not '$y'"
done
[[ "$seed" =~ ^[0-9]+$ ]] || bad_usage "--seed is a whole number, not '$seed'"
[[ "$error_rate" =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || bad_usage "--error-rate is a rate from 0 to 1, not '$error_rate'"

bench_setup
STAMP="$(date -u +%Y-%m-%dT%H%M%SZ)"
SCALING="$CACHE/scaling-$STAMP"; mkdir -p "$SCALING"
POVLAKE="$ROOT/bin/povlake"
echo "bench: building (mvn -Pbench package)…" >&2
(cd "$ROOT" && mvn -B -q -Pbench -DskipTests package >&2)
BENCH_CP="$ROOT/bench/target/povlake-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt")"
JVM_OPTS="$(cat "$ROOT/jobs/target/classes/povlake-jvm.options")"
threads="$(nproc)"
uptime > "$SCALING/load-start.txt"
python3 - "$SCALING/arguments.json" "$(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown)" \
  "bench/scaling.sh --sizes $sizes --years-set $years_sets --seed $seed --error-rate $error_rate$($skip_peers && echo " --skip-peers")" \
  <<'PY'
import json, sys
out, version, command = sys.argv[1:]
json.dump({"command": command, "code_version": version}, open(out, "w"), indent=1)
PY

# the stats of a lakehouse after gold: ops.gold_builds' seconds per year, the rows of bronze and of the silver
# tables gold reads (YearFrames.Frame; silver.regions, the reference, left out)
GOLD_READS="households members enrollment insurance_enrollment village_network poor_villages schools facilities
  service_points shops shop_household_links assistance inpatient_claims training orders"
stats_sql() {
  local lake="$1" sql="SELECT 'gold_year' AS kind, CAST(year AS STRING) AS name, CAST(seconds AS DOUBLE) AS value FROM ops.gold_builds"
  local d t
  for d in "$lake"/bronze/*/; do
    t="$(basename "$d")"
    [[ "$t" != quarantine && -d "$d/_delta_log" ]] || continue
    sql+=" UNION ALL SELECT 'bronze_rows', 'bronze.$t', CAST(count(*) AS DOUBLE) FROM bronze.$t"
  done
  for t in $GOLD_READS; do
    [[ -d "$lake/silver/$t/_delta_log" ]] || continue
    sql+=" UNION ALL SELECT 'silver_rows', 'silver.$t', CAST(count(*) AS DOUBLE) FROM silver.$t"
  done
  echo "$sql"
}

# pipeline LAKE INBOX YEARS: the four povlake stages; `timed` ends the (sub)shell on a failure (an ingest exiting 3,
# files rejected, still counts as a run)
pipeline() {
  local lake="$1" in="$2" yrs="$3"
  echo "bench:   povlake ingest…" >&2
  timed ingest "$POVLAKE" ingest --inbox "$in" --lakehouse "$lake" --report-json "$WORK/ingest-report.json"
  echo "bench:   povlake build-silver…" >&2
  timed silver "$POVLAKE" build-silver --lakehouse "$lake"
  echo "bench:   povlake build-gold --years $yrs…" >&2
  timed gold "$POVLAKE" build-gold --lakehouse "$lake" --years "$yrs"
  ( timed stats "$POVLAKE" sql --lakehouse "$lake" --personal-data --format json --max-rows 10000 "$(stats_sql "$lake")" ) || true
  echo "bench:   povlake assess --year ${yrs#*-} (json, csv, html, xlsx)…" >&2
  timed assess "$POVLAKE" assess --lakehouse "$lake" --year "${yrs#*-}" --out "$WORK/reports" \
    --format json,csv,html,xlsx
}

# peers LAKE INBOX YEAR: the DuckDB peers; one that fails is recorded (its .err) and the others still run
peers() {
  local lake="$1" in="$2" year="$3"
  echo "bench:   DuckDB ingest peer…" >&2
  ( timed peer_ingest java -Xmx3g -cp "$BENCH_CP" org.povlake.bench.DuckDbIngestPeer "$in" "$WORK/peer-ingest" \
      "$threads" ) || echo "peer_ingest" >> "$WORK/PEERS_FAILED"
  echo "bench:   DuckDB silver peer…" >&2
  # shellcheck disable=SC2086
  ( timed peer_silver java -Xmx4g $JVM_OPTS -XX:+UseParallelGC -cp "$BENCH_CP" org.povlake.bench.DuckDbSilverPeer \
      --lakehouse "$lake" --out "$WORK/peer-silver" --threads "$threads" --memory-limit 4GB \
      --json "$WORK/peer_silver.json" --compare ) || echo "peer_silver" >> "$WORK/PEERS_FAILED"
  echo "bench:   DuckDB gold peer for $year…" >&2
  # shellcheck disable=SC2086
  ( timed peer_gold java -Xmx3g $JVM_OPTS -XX:+UseParallelGC -cp "$BENCH_CP" org.povlake.bench.DuckDbGoldPeer \
      --lakehouse "$lake" --year "$year" --threads "$threads" --memory-limit 4GB \
      --out "$WORK/peer-cells.parquet" --json "$WORK/peer_gold.json" --compare ) || echo "peer_gold" >> "$WORK/PEERS_FAILED"
}

# run_one LABEL HOUSEHOLDS YEARS_SET: one size and years set in its own folder
failed=0
run_one() {
  local label="$1" households="$2" set="$3" yrs note=""
  WORK="$SCALING/$label"; mkdir -p "$WORK"
  if [[ "$households" == sample ]]; then
    inbox="$ROOT/sample-data/inbox"
    local held
    held="$(find "$inbox" -type f -printf '%f\n' | sed -nE 's/.*_([0-9]{4})[0-9]{4}\.(csv|jsonl)(\.gz)?$/\1/p' | sort -u)"
    yrs="$(head -1 <<< "$held")-$(tail -1 <<< "$held")"
    note="sample-data/inbox holds deliveries as of $(tr '\n' ' ' <<< "$held")($(wc -l <<< "$held") years): run once, as 'sample', for all of them; --years-set does not apply to it"
    echo "bench: $note" >&2
  else
    yrs="$((2021 - set))-2020"
    inbox="$CACHE/generated-h$households-y$yrs-s$seed-e$error_rate/inbox"
  fi
  python3 - "$WORK/run.json" "$label" "$households" "$set" "$yrs" "$inbox" "$note" <<'PY'
import json, sys
out, label, households, years_set, years, inbox, note = sys.argv[1:]
json.dump({"label": label, "households": households, "years_set": years_set, "years": years, "inbox": inbox,
           "note": note}, open(out, "w"), indent=1)
PY
  # in a subshell: a failed generation (`timed` exits) ends this run only
  if [[ "$households" != sample ]] && ! ( ensure_inbox "$households" "$yrs" "$seed" "$error_rate" ); then
    echo "generation failed; see $WORK/generate.err" > "$WORK/FAILED"; failed=1; return 0
  fi
  local lake="$WORK/lakehouse"
  rm -rf "$lake" "$WORK/reports"
  echo "bench: $label ($yrs): JVM and Spark start…" >&2
  ( timed start "$POVLAKE" sql --lakehouse "$WORK/empty-lakehouse" "SELECT 1 AS one" ) || true
  if ( pipeline "$lake" "$inbox" "$yrs" ); then
    $skip_peers || peers "$lake" "$inbox" "${yrs#*-}"
  else
    echo "a povlake stage failed; see the .err files" > "$WORK/FAILED"; failed=1
  fi
  rm -rf "$lake" "$WORK/reports" "$WORK/peer-ingest" "$WORK/peer-silver" "$WORK/peer-cells.parquet" \
    "$WORK/empty-lakehouse"
}

for s in "${size_list[@]}"; do
  if [[ "$s" == sample ]]; then
    run_one sample sample 0
  else
    for y in "${years_list[@]}"; do run_one "h$s-y$y" "$s" "$y"; done
  fi
done
uptime > "$SCALING/load-end.txt"

day="$(date -u +%Y-%m-%d)"
# a table of the same day is never overwritten (it may be a merge of several runs): this one gets the run's time
name="$day-scaling"
[[ -e "$RESULTS/$name.md" || -e "$RESULTS/$name.json" ]] && name="$day-scaling-$(basename "$SCALING" | sed 's/^scaling-//')"
python3 "$ROOT/bench/summarize_scaling.py" --work "$SCALING" --out "$RESULTS/$name.json" \
  --md "$RESULTS/$name.md"
echo "bench: work folder $SCALING" >&2
exit "$failed"
