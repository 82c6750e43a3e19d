#!/usr/bin/env python3
"""Assembles a gold bench run (bench/gold.sh) into bench/results/<date>-gold-<households>.json and prints one line.

Reads, in the run's work folder: gold_1y.time / gold_all.time / duckdb_gold.time (/usr/bin/time -v),
gold_builds_1y.json and gold_builds_all.json (ops.gold_builds after each build, as JSON lines from
`povlake sql --format json`) and peer.json (the DuckDB
peer's timings and its comparison with gold.indicators); in the cached lakehouse's folder: generate / ingest /
silver .time files and tables.csv.
"""
import argparse, json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

TARGET_1Y_S, TARGET_ALL_S, TARGET_RATIO = 120, 360, 3


def gold_builds(path):
    """ops.gold_builds rows, oldest first."""
    rows = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("{"):
                rows.append(json.loads(line))
    rows.sort(key=lambda r: (str(r.get("started_at")), r.get("year")))
    return rows


def met(measured, target):
    return None if measured is None else measured <= target


def main():
    a = argparse.ArgumentParser()
    for k in ["work", "lake-cache", "households", "years", "year", "out"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w, year = args.work, int(args.year)
    first, last = (int(y) for y in args.years.split("-"))

    lake = {"path": os.path.join(args.lake_cache, "lakehouse")}
    for name in ["generate", "ingest", "silver"]:
        lake[name] = time_v(os.path.join(args.lake_cache, name + ".time"))
    tables_csv = os.path.join(args.lake_cache, "tables.csv")
    if os.path.exists(tables_csv):
        lake["rows"] = {line.split(",")[0]: int(line.split(",")[1])
                        for line in open(tables_csv, encoding="utf-8").read().splitlines()[1:]}

    one = [r for r in gold_builds(os.path.join(w, "gold_builds_1y.json")) if int(r["year"]) == year]
    rest = gold_builds(os.path.join(w, "gold_builds_all.json"))
    stages = {"gold_1y": time_v(os.path.join(w, "gold_1y.time")),
              "gold_all": time_v(os.path.join(w, "gold_all.time")),
              "duckdb_gold": time_v(os.path.join(w, "duckdb_gold.time"))}
    gold_1y_s = round(float(one[-1]["seconds"]), 2) if one else None
    stages["gold_1y"]["gold_seconds"] = gold_1y_s
    per_year = {str(r["year"]): round(float(r["seconds"]), 2) for r in rest}  # the latest row per year
    gold_all_s = round(sum(per_year.values()), 2) if per_year else None
    stages["gold_all"]["gold_seconds"] = gold_all_s
    stages["gold_all"]["per_year_seconds"] = per_year
    if len(per_year) != last - first + 1:
        print(f"summarize_gold: ops.gold_builds of the all-years build has years {sorted(per_year)}; "
              f"expected {first}-{last}", file=sys.stderr)

    peer = json.load(open(os.path.join(w, "peer.json"), encoding="utf-8"))
    stages["duckdb_gold"].update({"spark_listing_s": peer["spark_listing_s"], "duckdb_s": peer["duckdb_s"],
                                  "cells": peer["peer_cells"]})
    cmp = peer.get("compare", {})
    agreement = {k: cmp.get(k) for k in ["compared_rows", "compared_cells", "disagreements", "agree",
                                         "gold_rows", "peer_rows", "disagreements_by_indicator",
                                         "first_disagreements"]}
    ratio = round(gold_1y_s / peer["duckdb_s"], 2) if gold_1y_s else None
    ratio_wall = round(stages["gold_1y"]["wall_s"] / stages["duckdb_gold"]["wall_s"], 2)

    version = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                             cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    result = {
        "date": os.path.basename(w).replace("gold-", ""), "code_version": version,
        "machine": {"cores": os.cpu_count()},
        "arguments": {"households": args.households, "years": args.years, "year": year},
        "lakehouse": lake,
        "snapshots": peer.get("snapshots"),
        "stages": stages,
        "ratio": {"povlake_gold_over_duckdb": ratio, "whole_commands": ratio_wall,
                  "notes": "povlake_gold_over_duckdb = ops.gold_builds.seconds of the one-year build / the peer's "
                           "DuckDB SQL time (its Spark file listing excluded); whole_commands = wall of "
                           "`povlake build --years Y` / wall of the peer's process (Spark start, listing and the "
                           "comparison with gold.indicators included)"},
        "agreement": agreement,
        "targets": {
            "gold_1y_s": {"target": TARGET_1Y_S, "measured": gold_1y_s, "met": met(gold_1y_s, TARGET_1Y_S),
                          "whole_command_s": stages["gold_1y"]["wall_s"],
                          "whole_command_met": met(stages["gold_1y"]["wall_s"], TARGET_1Y_S)},
            "gold_all_s": {"target": TARGET_ALL_S, "measured": gold_all_s, "met": met(gold_all_s, TARGET_ALL_S),
                           "whole_command_s": stages["gold_all"]["wall_s"],
                           "whole_command_met": met(stages["gold_all"]["wall_s"], TARGET_ALL_S)},
            "povlake_over_duckdb": {"target": TARGET_RATIO, "measured": ratio, "met": met(ratio, TARGET_RATIO)},
            "agreement": {"target": "every numerator, denominator and value", "met": cmp.get("agree")}},
        "notes": "wall times are of whole commands (JVM start included); gold_seconds from ops.gold_builds; "
                 "the lakehouse is a copy of the cached silver build, so silver is a no-op in both builds",
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")

    def s(x):
        return "?" if x is None else f"{x:.1f}"
    print(f"gold bench ({args.households} households, {args.years}): {year} gold {s(gold_1y_s)} s "
          f"(command {s(stages['gold_1y']['wall_s'])} s, target {TARGET_1Y_S}), {args.years} gold {s(gold_all_s)} s "
          f"(command {s(stages['gold_all']['wall_s'])} s, target {TARGET_ALL_S}); peak RSS "
          f"{stages['gold_all']['peak_rss_mb']:.0f} MB; DuckDB {peer['duckdb_s']:.1f} s → ratio {ratio} (target "
          f"{TARGET_RATIO}); agreement: {cmp.get('compared_cells')} cells, {cmp.get('disagreements')} "
          f"disagreement(s) → {args.out}")


if __name__ == "__main__":
    main()
