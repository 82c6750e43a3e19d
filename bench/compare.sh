#!/usr/bin/env bash
# Compares every bronze, silver and gold table of two lakehouses built from the same inbox (before and after a
# change): EXCEPT ALL both ways, run ids and times left out. Exit 1 when any table differs.
#   bench/compare.sh BEFORE_LAKEHOUSE AFTER_LAKEHOUSE [--layers bronze,silver,gold]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bench/target/povlake-bench-0.1.0-SNAPSHOT.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -Pbench -DskipTests package >&2)
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2046
exec java -Xmx4g $(cat "$ROOT/jobs/target/classes/povlake-jvm.options") \
  -cp "$JAR:$(cat "$ROOT/bench/target/runtime-classpath.txt")" org.povlake.bench.CompareLakehouses "$@"
