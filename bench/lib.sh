# Shared by bench/run.sh and bench/silver.sh (sourced; expects ROOT, WORK and CACHE to be set).

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
