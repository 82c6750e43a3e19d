#!/usr/bin/env python3
"""Assembles a disclosure bench run (bench/disclosure.sh) into bench/results/<date>-disclosure-<households>.json and
prints one line. Reads, in the run's work folder: publish_<Y>.time / .out (/usr/bin/time -v; the command's output: its
"steps" line with the disclosure control's seconds, and the audit's note), published/manifest.json (each year's
disclosure_audit), truth_<Y>.time and adversary.out (the adversary's JSON: cells recovered per year)."""
import argparse, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

TARGET_CONTROL_S = 60  # the disclosure control of one year (all years before it included), on 2 cores


def steps(path):
    if not os.path.exists(path):
        return {}
    for line in open(path, encoding="utf-8"):
        if line.strip().startswith("steps"):
            return {k: float(v) for k, v in re.findall(r"(\w+) ([0-9.]+) s", line)}
    return {}


def note(path):
    if not os.path.exists(path):
        return None
    for line in open(path, encoding="utf-8"):
        if "disclosure audit" in line:
            return line.strip().removeprefix("note: ")
    return None


def main():
    a = argparse.ArgumentParser()
    for k in ["work", "households", "years", "out"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w = args.work
    manifest = json.load(open(os.path.join(w, "published", "manifest.json"), encoding="utf-8"))["assessments"]
    adversary = json.load(open(os.path.join(w, "adversary.out"), encoding="utf-8"))
    attacked = {y["year"]: y for y in adversary["years"]}
    years = {}
    for y in args.years.split():
        audit = manifest[y].get("disclosure_audit", {})
        s = steps(os.path.join(w, f"publish_{y}.out"))
        years[y] = {"publish": {**(time_v(os.path.join(w, f"publish_{y}.time")) or {}), "steps_s": s},
                    "truth": time_v(os.path.join(w, f"truth_{y}.time")),
                    "control_s": s.get("disclosure"), "audit": audit, "audit_note": note(os.path.join(w, f"publish_{y}.out")),
                    "adversary": attacked.get(int(y))}
    recovered = adversary["recovered"]
    passed = all(v["audit"].get("passed") for v in years.values())
    slowest = max((v["control_s"] or 0) for v in years.values())
    county = {y: v["audit"].get("composites", {}).get("county", {}) for y, v in years.items()}
    result = {"bench": "disclosure", "households": int(args.households), "years": years,
              "recovered": recovered, "all_passed": passed, "slowest_control_s": slowest,
              "target_control_s": TARGET_CONTROL_S, "met": recovered == 0 and passed and slowest <= TARGET_CONTROL_S,
              "adversary": time_v(os.path.join(w, "adversary.time")), "work": w}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("disclosure %s households, %s: %d hidden cells recovered by the adversary; audits %s; control %s "
          "(slowest %.1f s, target %d s); county composites printed %s" % (
              args.households, args.years, recovered, "all passed" if passed else "NOT ALL PASSED",
              ", ".join("%s %.1f s" % (y, v["control_s"] or float("nan")) for y, v in years.items()), slowest,
              TARGET_CONTROL_S, ", ".join("%s %s/%s" % (y, c.get("composite", "?"), c.get("regions", "?"))
                                          for y, c in county.items())))


if __name__ == "__main__":
    main()
