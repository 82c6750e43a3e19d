#!/usr/bin/env python3
"""Assembles a nightly bench run (bench/nightly.sh) into bench/results/<date>-nightly-<households>.json and prints one
line. Reads, in the run's work folder, nightly_<night>.time (/usr/bin/time -v), nightly_runs.json (the run log's
stage seconds) and increment.json; and, in bench/results, the newest gold and assess results of the same scale for
the full run it compares with."""
import argparse, glob, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

TARGET_SHARE = 0.10  # a 1 % night costs at most a tenth of a full run (it was 15 % before the gold fingerprints)
NIGHTS = ["nightly_first", "nightly_nothing_new", "nightly_increment"]


def newest(results, pattern):
    files = sorted(glob.glob(os.path.join(results, pattern)))
    if not files:
        sys.exit("bench: no %s in %s: run bench/gold.sh and bench/assess.sh at this scale first" % (pattern, results))
    return files[-1]


def run_log(path):
    text = open(path, encoding="utf-8").read().strip()
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def as_map(v):
    """A map column as bench/nightly.sh's `sql --format json` gives it: an object (or, before that was fixed, the
    text "[(k,v), …]")."""
    if isinstance(v, dict) or v is None:
        return v or {}
    return {k.strip(): float(x) for k, x in re.findall(r"\(([^,()]+),([^()]+)\)", v)}


def scaling_full(results, households):
    """The full run to compare with: the whole pipeline (ingest → silver → gold → assessment, one command) of the
    newest bench/scaling.sh run at this scale over five years, when there is one."""
    for path in sorted(glob.glob(os.path.join(results, "*-scaling.json")), reverse=True):
        run = json.load(open(path)).get("runs", {}).get("h%s-y5" % households)
        if run and (run.get("stages", {}).get("pipeline") or {}).get("wall_s"):
            st = run["stages"]
            return {"years": run["years"], "total_s": st["pipeline"]["wall_s"],
                    "stages_s": {k: st[k].get("wall_s") for k in ("ingest", "silver", "gold", "assess") if k in st},
                    "from": [os.path.basename(path)],
                    "note": "bench/scaling.sh: ingest, silver, gold of every year and the last year's assessment at this scale over five years, each its own command"}
    return None


def stage_full(results, households):
    """The full run as the sum of the stage benches' commands at this scale (bench/gold.sh, bench/assess.sh)."""
    gold_file = newest(results, "*-gold-%s.json" % households)
    assess_file = newest(results, "*-assess-%s.json" % households)
    gold = json.load(open(gold_file))
    assess = json.load(open(assess_file))
    years = gold["arguments"]["years"]
    n_years = int(years.split("-")[1]) - int(years.split("-")[0]) + 1
    full = {
        "_years": years,
        "ingest_s": gold["lakehouse"]["ingest"]["wall_s"],
        "silver_s": gold["lakehouse"]["silver"]["wall_s"],
        "gold_all_years_s": gold["stages"]["gold_all"]["wall_s"],
        "assessments_s": round(assess["runs"]["all"]["wall_s"] * n_years, 1),
        "from": [os.path.basename(gold_file), os.path.basename(assess_file)],
        "note": "the stages of a full build at this scale, each measured as its own command (JVM start included); "
                "the data-quality report is not in it (a few seconds)",
    }
    full["total_s"] = round(full["ingest_s"] + full["silver_s"] + full["gold_all_years_s"] + full["assessments_s"], 1)
    return full


def main():
    a = argparse.ArgumentParser()
    for k in ["work", "households", "results", "out", "code-version"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w = args.work
    log = run_log(os.path.join(w, "nightly_runs.json"))
    nights = {}
    for i, name in enumerate(NIGHTS):
        t = time_v(os.path.join(w, name + ".time")) or {}
        if i < len(log):
            r = log[i]
            t.update({"status": r.get("status"), "exit_code": r.get("exit_code"), "files_loaded": r.get("files_loaded"),
                      "files_skipped": r.get("files_skipped"), "rows_accepted": r.get("rows_accepted"),
                      "rows_quarantined": r.get("rows_quarantined"),
                      "years_built": r.get("years_built"),
                      "stage_s": {k: round(v, 1) for k, v in as_map(r.get("stage_seconds")).items()}})
        nights[name] = t
    full = scaling_full(args.results, args.households)
    if full is None:
        full = stage_full(args.results, args.households)
        years = full.pop("_years")
    else:
        years = full["years"]
    inc = nights["nightly_increment"].get("wall_s")
    increment = json.load(open(os.path.join(w, "increment.json")))
    n = nights["nightly_increment"]
    delivered = (n.get("rows_accepted") or 0) + (n.get("rows_quarantined") or 0)
    increment["delivered_share"] = round(delivered / increment["inbox_rows"], 5) if delivered else None
    share = round(inc / full["total_s"], 4) if inc else None
    out = {
        "bench": "nightly", "households": int(args.households), "years": years,
        "code_version": args.code_version,
        "increment": increment,
        "nights": nights, "full_run": full,
        "targets": {"increment_over_full": {"target": TARGET_SHARE, "measured": share,
                                            "met": share is not None and share <= TARGET_SHARE}},
        "work": w,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("nightly bench %s households: first %.0f s, nothing new %.0f s, %.2f %% new rows %.0f s = %.1f %% of a full run"
          " (%.0f s; target ≤ %d %%: %s) → %s" % (
              args.households, nights["nightly_first"].get("wall_s", 0), nights["nightly_nothing_new"].get("wall_s", 0),
              100 * (increment["delivered_share"] or 0), inc or 0, 100 * (share or 0), full["total_s"], TARGET_SHARE * 100,
              "met" if out["targets"]["increment_over_full"]["met"] else "MISSED", args.out))


if __name__ == "__main__":
    main()
