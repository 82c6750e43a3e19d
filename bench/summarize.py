#!/usr/bin/env python3
"""Assembles one bench run's figures (the /usr/bin/time -v files, povlake's ingest report, the DuckDB
peer's summary) into bench/results/<date>-<households>.json and prints the one-line summary."""
import argparse, json, os, re, subprocess

def time_v(path):
    if not os.path.exists(path):
        return None
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"wall_s": round(seconds, 2), "peak_rss_mb": round(rss / 1024, 1)}

def main():
    a = argparse.ArgumentParser()
    for k in ["work", "inbox", "households", "years", "seed", "error-rate", "out"]:
        a.add_argument("--" + k, required=True)
    args = a.parse_args()
    w = args.work
    input_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.inbox) for f in fs
                      if not f.endswith(".json"))
    stages = {}
    gen = time_v(os.path.join(w, "generate.time"))
    if gen:
        stages["generate"] = gen
    ingest = time_v(os.path.join(w, "ingest.time"))
    report = json.load(open(os.path.join(w, "ingest-report.json")))
    rows = report["totals"]["read"]
    ingest["rows"] = rows
    ingest["rows_per_s"] = round(rows / ingest["wall_s"])
    ingest["accepted"] = report["totals"]["accepted"]
    ingest["quarantined"] = report["totals"]["quarantined"]
    per_extract = {}
    for line in open(os.path.join(w, "ingest.out")):
        m = re.search(r"loaded bronze\.(\S+): (\d+) file\(s\), (\d+) rows in ([\d.]+) s", line)
        if m:
            per_extract[m.group(1)] = {"files": int(m.group(2)), "rows": int(m.group(3)),
                                       "seconds": float(m.group(4)),
                                       "rows_per_s": round(int(m.group(3)) / max(float(m.group(4)), 0.001))}
    ingest["per_extract"] = per_extract
    stages["ingest"] = ingest
    duck = time_v(os.path.join(w, "duckdb_ingest.time"))
    peer = json.loads(open(os.path.join(w, "duckdb_ingest.out")).read().strip().splitlines()[-1])
    duck.update({"rows": peer["rows"], "rows_per_s": round(peer["rows"] / duck["wall_s"]),
                 "failed_typing": peer["failed_typing"], "inner_seconds": round(peer["seconds"], 2)})
    stages["duckdb_ingest"] = duck
    try:
        code = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                              cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    except OSError:
        code = "unknown"
    result = {
        "date": os.path.basename(w)[4:], "code_version": code, "machine": {"cores": os.cpu_count()},
        "arguments": {"households": args.households, "years": args.years, "seed": args.seed,
                      "error_rate": args.error_rate, "inbox": args.inbox},
        "input_bytes": input_bytes, "stages": stages,
        "ratio_povlake_over_duckdb_ingest": round(ingest["wall_s"] / duck["wall_s"], 2),
        "notes": "wall times are of whole commands (JVM start included); the DuckDB peer parses, types and "
                 "writes Parquet only (no ID checksums, regions, duplicates, lineage, quarantine or Delta)",
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    json.dump(result, open(args.out, "w"), indent=2)
    print(f"bench {result['date']} households={args.households}: input {input_bytes / 1e6:.1f} MB, {rows} rows; "
          + (f"generate {gen['wall_s']} s; " if gen else "")
          + f"ingest {ingest['wall_s']} s ({ingest['rows_per_s']} rows/s, peak RSS {ingest['peak_rss_mb']} MB); "
          + f"duckdb {duck['wall_s']} s ({duck['rows_per_s']} rows/s); povlake/duckdb "
          + f"{result['ratio_povlake_over_duckdb_ingest']} → {args.out}")

if __name__ == "__main__":
    main()
