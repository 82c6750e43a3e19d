#!/usr/bin/env python3
"""Assembles an assessment bench run (bench/assess.sh) into bench/results/<date>-assess-<households>.json and prints
one line. Reads, in the run's work folder, assess_<run>.time (/usr/bin/time -v) and assess_<run>.out (the command's
output: its "steps" line with the seconds of each step), and the sizes of the files each run wrote."""
import argparse, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

TARGET_S = 30
RUNS = {"contract": "json+csv", "all": "json, csv, html, xlsx", "published": "all four, --publish",
        "as_of": "json+csv --as-of the contract run's manifest"}


def steps(path):
    if not os.path.exists(path):
        return {}
    for line in open(path, encoding="utf-8"):
        if line.strip().startswith("steps"):
            return {k: float(v) for k, v in re.findall(r"(\w+) ([0-9.]+) s", line)}
    return {}


def main():
    a = argparse.ArgumentParser()
    for k in ["work", "households", "year", "reproduced", "out"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w = args.work
    runs = {}
    folders = {"contract": "contract", "all": "all", "published": "published", "as_of": "again"}
    for name, what in RUNS.items():
        t = time_v(os.path.join(w, f"assess_{name}.time")) or {}
        d = os.path.join(w, folders[name])
        files = {f: os.path.getsize(os.path.join(d, f)) for f in sorted(os.listdir(d))} if os.path.isdir(d) else {}
        runs[name] = {"what": what, **t, "steps_s": steps(os.path.join(w, f"assess_{name}.out")), "file_bytes": files}
    worst = max(r.get("wall_s", 0) for r in runs.values())
    result = {"bench": "assess", "households": int(args.households), "year": int(args.year),
              "target_s": TARGET_S, "runs": runs, "slowest_wall_s": worst, "met": worst <= TARGET_S,
              "reproduced_byte_for_byte": args.reproduced == "true", "work": w}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("assess %s households, %s: %s; slowest %.1f s (target %d s, %s); reproduction %s" % (
        args.households, args.year, ", ".join("%s %.1f s" % (k, r.get("wall_s", float("nan"))) for k, r in runs.items()),
        worst, TARGET_S, "met" if worst <= TARGET_S else "MISSED",
        "byte-identical" if args.reproduced == "true" else "DIFFERS"))


if __name__ == "__main__":
    main()
