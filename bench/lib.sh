# Shared by the bench scripts (sourced; expects ROOT, WORK and CACHE to be set).

# timed NAME CMD…: runs CMD under /usr/bin/time -v, keeps its output in $WORK/NAME.out / NAME.err / NAME.time.
# An ingest that rejected files (exit 3) still counts as a run.
timed() {
  local name="$1"; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
    local rc=$?; echo "bench: $name failed (exit $rc); see $WORK/$name.err" >&2
    [[ "$name" == ingest* && $rc -eq 3 ]] || exit 1; }
}

# ensure_inbox HOUSEHOLDS YEARS SEED ERROR_RATE: generates the inbox once per arguments (cached), sets $inbox.
ensure_inbox() {
  local key="h$1-y$2-s$3-e$4"
  local generated="$CACHE/generated-$key"
  inbox="$generated/inbox"
  if [[ ! -f "$generated/generator-manifest.json" ]]; then
    rm -rf "$generated"
    echo "bench: generating $key…" >&2
    timed generate "$ROOT/bin/povlake" generate --out "$generated" --households "$1" --years "$2" \
      --seed "$3" --error-rate "$4"
  else
    echo "bench: using the cached inbox $inbox" >&2
  fi
}

# link_lakehouse SRC DST: a copy of lakehouse SRC at DST made of hard links, except each _delta_log, copied for real
# (Delta rewrites nothing in place but _last_checkpoint, and the copy's commits must not reach the original).
link_lakehouse() {
  cp -al "$1" "$2"
  find "$2" -type d -name _delta_log | while read -r d; do
    cp -a "$d" "$d.copy" && rm -rf "$d" && mv "$d.copy" "$d"; done
}

# bench_option OPTION VALUE: the options the stage benchmarks share — --households N, --scale small|gansu (14,000 or
# 1.4 M households), --years A-B, --seed S, --error-rate R — set households, years, seed, error_rate; status 1 when
# OPTION is none of them.
bench_option() {
  case "$1" in
    --households) households="$2" ;;
    --scale) case "$2" in small) households=14000 ;; gansu) households=1400000 ;;
               *) echo "unknown scale $2" >&2; exit 2 ;; esac ;;
    --years) years="$2" ;;
    --seed) seed="$2" ;;
    --error-rate) error_rate="$2" ;;
    *) return 1 ;;
  esac
}

# bench_setup: /usr/bin/time (installed when missing), CACHE and RESULTS, and the fixed benchmark key (a random one:
# povlake refuses a key that repeats a pattern; a cached lakehouse built under an earlier key is rebuilt by deleting
# bench/cache).
bench_setup() {
  command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
  CACHE="$ROOT/bench/cache"; RESULTS="$ROOT/bench/results"; mkdir -p "$CACHE" "$RESULTS"
  export POVLAKE_PSEUDONYM_KEY=3e734c31f530de16c31f6dd0f625ba131bdbc7c090633df9bc3de2700304808f
}
