#!/usr/bin/env python3
"""Assembles a silver bench run (bench/silver.sh) into bench/results/<date>-silver-<households>.json."""
import argparse, json, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

def actions(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s+(silver\.\S+)\s+(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out

def main():
    a = argparse.ArgumentParser()
    for k in ["work", "households", "years", "out"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w = args.work
    stages = {}
    for name in ["ingest", "silver_full", "ingest_increment", "silver_incremental", "silver_noop"]:
        stages[name] = time_v(os.path.join(w, name + ".time"))
    for name in ["silver_full", "silver_incremental"]:
        stages[name]["tables"] = actions(os.path.join(w, name + ".out"))
    tables = {}
    for line in open(os.path.join(w, "tables.csv"), encoding="utf-8").read().splitlines()[1:]:
        t, rows = line.split(",")[:2]
        tables[t] = int(rows)
    full, inc = stages["silver_full"]["wall_s"], stages["silver_incremental"]["wall_s"]
    version = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                             cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    result = {"date": os.path.basename(w).replace("silver-", ""), "code_version": version,
              "machine": {"cores": os.cpu_count()},
              "arguments": {"households": args.households, "years": args.years},
              "increment": json.load(open(os.path.join(w, "increment.json"))),
              "stages": stages, "rows": tables,
              "targets": {"silver_full_s": {"target": 180, "measured": full, "met": full <= 180},
                          "incremental_over_full": {"target": 0.15, "measured": round(inc / full, 3),
                                                    "met": inc / full <= 0.15}},
              "notes": "wall times are of whole commands (JVM start included)"}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"silver bench ({args.households} households, {args.years}): full {full:.1f} s (target 180), "
          f"incremental {inc:.1f} s = {inc / full:.1%} of full (target 15 %), no-op "
          f"{stages['silver_noop']['wall_s']:.1f} s; peak RSS {stages['silver_full']['peak_rss_mb']:.0f} MB → {args.out}")

if __name__ == "__main__":
    main()
