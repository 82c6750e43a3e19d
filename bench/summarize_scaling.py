#!/usr/bin/env python3
"""Assembles a scaling run (bench/scaling.sh) into bench/results/<date>-scaling.json and <date>-scaling.md.

Reads, in each run's folder under the work folder (one per size and years set): run.json, the /usr/bin/time -v files
(start, ingest, silver, gold, stats, assess, peer_ingest, peer_silver, peer_gold), the commands' own output (ingest's
summary line, build-silver's, build-gold's and assess's), ingest-report.json, stats.out (ops.gold_builds' seconds per
year and the row counts of bronze and of the silver tables gold reads), peer_ingest.out, peer_silver.json and
peer_gold.json. Nothing is invented: a size or stage not run is "not run", a figure povlake did not print is "—".
"""
import argparse, datetime, json, math, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarize import time_v  # noqa: E402

STAGES = ["ingest", "silver", "gold", "assess"]
STAGE_NAMES = {"start": "start (JVM + Spark)", "ingest": "ingest", "silver": "silver", "gold": "gold",
               "assess": "assessment", "pipeline": "pipeline (4 commands)"}
ROWS_OF = {"ingest": "rows read (ingest report)", "silver": "bronze rows in (every bronze table)",
           "gold": "silver rows in (the 15 silver tables gold reads; silver.regions left out)",
           "assess": "indicator cells written"}
CANONICAL = [("sample", 0)] + [(n, y) for n in (14000, 140000, 1400000) for y in (1, 5)]
GANSU = 1400000


def read(path):
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def jload(path):
    try:
        return json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return None


def exit_status(path):
    m = re.search(r"Exit status: (\d+)", read(path))
    return int(m.group(1)) if m else None


def own_seconds(stage, out):
    """The command's own figure, after JVM and Spark start, as it prints it."""
    pats = {"ingest": r"^ingest .*; ([0-9.]+) s \(", "silver": r"^silver .*, ([0-9.]+) s$",
            "gold": r"^gold done in ([0-9.]+) s", "assess": r"indicator cells, in ([0-9.]+) s"}
    m = re.search(pats[stage], out, re.M)
    return float(m.group(1)) if m else None


def stats(path):
    """stats.out (JSON lines of kind, name, value) → {kind: {name: value}}."""
    out = {}
    for line in read(path).splitlines():
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            out.setdefault(r["kind"], {})[r["name"]] = r["value"]
    return out


def run_figures(d):
    run = jload(os.path.join(d, "run.json")) or {"label": os.path.basename(d)}
    run["failed"] = read(os.path.join(d, "FAILED")).strip() or None
    run["peers_failed"] = read(os.path.join(d, "PEERS_FAILED")).split()
    st = stats(os.path.join(d, "stats.out"))
    stages = {}
    gen = time_v(os.path.join(d, "generate.time"))
    if gen:
        run["generate"] = gen
    start = time_v(os.path.join(d, "start.time"))
    if start:
        stages["start"] = start
    for s in STAGES:
        t = time_v(os.path.join(d, s + ".time"))
        if t is None:
            continue
        t["exit"] = exit_status(os.path.join(d, s + ".time"))
        t["own_s"] = own_seconds(s, read(os.path.join(d, s + ".out")))
        stages[s] = t
    if "ingest" in stages:
        rep = jload(os.path.join(d, "ingest-report.json")) or {}
        tot = rep.get("totals", {})
        stages["ingest"].update({"rows": tot.get("read"), "accepted": tot.get("accepted"),
                                 "quarantined": tot.get("quarantined")})
    if "silver" in stages:
        b = st.get("bronze_rows")
        stages["silver"]["rows"] = int(sum(b.values())) if b else stages.get("ingest", {}).get("accepted")
    if "gold" in stages:
        sr = st.get("silver_rows")
        stages["gold"]["rows"] = int(sum(sr.values())) if sr else None
        per_year = {k: round(v, 2) for k, v in sorted(st.get("gold_year", {}).items())}
        if not per_year:  # ops.gold_builds not read: the command's own lines
            per_year = {m.group(1): float(m.group(2)) for m in
                        re.finditer(r"^\s+(\d{4})\s+built in ([0-9.]+) s", read(os.path.join(d, "gold.out")), re.M)}
        stages["gold"]["per_year_s"] = per_year
    if "assess" in stages:
        m = re.search(r"([\d,]+) indicator cells", read(os.path.join(d, "assess.out")))
        stages["assess"]["rows"] = int(m.group(1).replace(",", "")) if m else None
    for s in STAGES:
        t = stages.get(s)
        if t:
            secs = t["own_s"] or t["wall_s"]
            t["rows_per_s"] = round(t["rows"] / secs) if t.get("rows") and secs else None
    # the peers
    peers = {}
    t = time_v(os.path.join(d, "peer_ingest.time"))
    if t:
        lines = [x for x in read(os.path.join(d, "peer_ingest.out")).splitlines() if x.startswith("{")]
        p = json.loads(lines[-1]) if lines else {}
        t.update({"own_s": p.get("seconds"), "rows": p.get("rows"), "failed_files": p.get("failed_files"),
                  "files_read": p.get("files_read"), "failed_typing": p.get("failed_typing")})
        peers["ingest"] = t
    t = time_v(os.path.join(d, "peer_silver.time"))
    if t:
        p = jload(os.path.join(d, "peer_silver.json")) or {}
        cmp = p.get("compare", {})
        t.update({"own_s": p.get("duckdb_s"), "spark_listing_s": p.get("spark_listing_s"),
                  "rows": p.get("bronze_rows_read"), "peer_rows": p.get("peer_rows"), "agree": cmp.get("agree"),
                  "compare": cmp})
        peers["silver"] = t
    t = time_v(os.path.join(d, "peer_gold.time"))
    if t:
        p = jload(os.path.join(d, "peer_gold.json")) or {}
        cmp = p.get("compare", {})
        t.update({"own_s": p.get("duckdb_s"), "spark_listing_s": p.get("spark_listing_s"), "year": p.get("year"),
                  "cells": p.get("peer_cells"), "agree": cmp.get("agree"), "compared_cells": cmp.get("compared_cells"),
                  "disagreements": cmp.get("disagreements")})
        peers["gold"] = t
    for s, p in peers.items():
        mine = stages.get(s, {})
        ours = mine.get("own_s")
        if s == "gold" and p.get("year") is not None:  # the peer does one year: gold's seconds of that year
            ours = mine.get("per_year_s", {}).get(str(p["year"]))
            p["povlake_s_compared"] = ours
        p["ratio_own"] = round(ours / p["own_s"], 2) if ours and p.get("own_s") else None
        p["ratio_wall"] = round(mine["wall_s"] / p["wall_s"], 2) if mine.get("wall_s") and p.get("wall_s") else None
    # the whole pipeline: the four commands
    if all(s in stages for s in STAGES):
        stages["pipeline"] = {
            "wall_s": round(sum(stages[s]["wall_s"] for s in STAGES), 2),
            "own_s": round(sum(stages[s]["own_s"] for s in STAGES), 2)
            if all(stages[s]["own_s"] is not None for s in STAGES) else None,
            "peak_rss_mb": max(stages[s]["peak_rss_mb"] for s in STAGES)}
    run["stages"], run["peers"] = stages, peers
    return run


def key_of(run):
    h = run.get("households")
    return ("sample", 0) if h == "sample" else (int(h), int(run.get("years_set", 0)))


# ---- formatting ---------------------------------------------------------------------------------------------------

def f1(x):
    return "—" if x is None else f"{x:,.1f}"


def n0(x):
    return "—" if x is None else f"{x:,.0f}"


def size_label(k):
    return "sample" if k[0] == "sample" else f"{k[0]:,}"


def peer_check(s, p):
    if p is None:
        return ""
    if s == "ingest":
        return (f"typed {n0(p.get('rows'))} rows of {n0(p.get('files_read'))} CSV files; "
                f"{p.get('failed_files')} file(s) unread")
    if s == "silver":
        return "members + households agree" if p.get("agree") else (
            "not compared" if p.get("agree") is None else "**differ** (see JSON)")
    if s == "gold":
        return (f"{p.get('year')}: {n0(p.get('compared_cells'))} cells agree" if p.get("agree") else
                "not compared" if p.get("agree") is None else f"**{p.get('disagreements')} disagreement(s)**")
    return ""


def growth(runs):
    """Per years set and stage: (t_b / t_a) ** (1 / log10(N_b / N_a)) for consecutive generated sizes."""
    out = {}
    sets = sorted({k[1] for k in runs if k[0] != "sample"})
    for ys in sets:
        sizes = sorted(k[0] for k in runs if k[0] != "sample" and k[1] == ys)
        for a, b in zip(sizes, sizes[1:]):
            for s in STAGES + ["pipeline"]:
                ta = runs[(a, ys)]["stages"].get(s, {})
                tb = runs[(b, ys)]["stages"].get(s, {})
                va, vb = ta.get("own_s") or ta.get("wall_s"), tb.get("own_s") or tb.get("wall_s")
                if va and vb:
                    f = (vb / va) ** (1 / math.log10(b / a))
                    out.setdefault(str(ys), {}).setdefault(s, []).append(
                        {"from": a, "to": b, "seconds": [va, vb], "per_10x": round(f, 2)})
    return out


def five_over_one(runs):
    out = {}
    for k, r in runs.items():
        if k[0] == "sample" or k[1] != 5 or (k[0], 1) not in runs:
            continue
        one = runs[(k[0], 1)]["stages"]
        for s in STAGES + ["pipeline"]:
            a, b = one.get(s, {}), r["stages"].get(s, {})
            own = round(b["own_s"] / a["own_s"], 2) if a.get("own_s") and b.get("own_s") else None
            wall = round(b["wall_s"] / a["wall_s"], 2) if a.get("wall_s") and b.get("wall_s") else None
            out.setdefault(str(k[0]), {})[s] = {"own": own, "wall": wall}
    return out


def targets(runs, fo):
    """Each target: what, limit, measured, how, status (met / missed / not run)."""
    t = []

    def add(what, measured, limit, how, run_key, extra="", unit="s"):
        r = runs.get(run_key)
        if r is None:
            status = "not run"
        elif r.get("failed") or measured is None:
            status = "failed" if r.get("failed") else "not measured"
        else:
            status = "met" if measured <= limit else "missed"
        t.append({"target": what, "limit": limit, "measured": measured, "unit": unit, "how": how,
                  "status": status, "extra": extra})

    def st(k, s):
        return runs.get(k, {}).get("stages", {}).get(s, {})

    sample = ("sample", 0)
    add("sample: ingest ≤ 10 s after start", st(sample, "ingest").get("own_s"), 10,
        "the command's own figure", sample, f"whole command {f1(st(sample, 'ingest').get('wall_s'))} s")
    add("sample: silver ≤ 10 s after start", st(sample, "silver").get("own_s"), 10,
        "the command's own figure", sample, f"whole command {f1(st(sample, 'silver').get('wall_s'))} s")
    py = st(sample, "gold").get("per_year_s") or {}
    add("sample: gold ≤ 5 s a year after start",
        round(sum(py.values()) / len(py), 2) if py else None, 5,
        "ops.gold_builds seconds, mean over the sample's years", sample,
        (f"slowest year {max(py.values()):.1f} s; " if py else "")
        + f"whole command {f1(st(sample, 'gold').get('wall_s'))} s for {len(py)} year(s)")
    k = (14000, 5)
    add("14,000 households (1 %), five years: whole pipeline ≤ 3 min", st(k, "pipeline").get("wall_s"), 180,
        "sum of the four commands' wall times", k, f"after start {f1(st(k, 'pipeline').get('own_s'))} s")
    k = (GANSU, 1)
    p = runs.get(k, {}).get("peers", {})
    add("Gansu, one year: ingest ≤ 150 s", st(k, "ingest").get("own_s"), 150, "the command's own figure", k,
        f"whole command {f1(st(k, 'ingest').get('wall_s'))} s")
    add("Gansu, one year: ingest ≤ 3× DuckDB", p.get("ingest", {}).get("ratio_own"), 3,
        "ingest's own seconds / the peer's DuckDB seconds", k if "ingest" in p else None,
        f"whole commands {p.get('ingest', {}).get('ratio_wall')}×", unit="×")
    add("Gansu, one year: silver ≤ 90 s", st(k, "silver").get("own_s"), 90, "the command's own figure", k,
        f"whole command {f1(st(k, 'silver').get('wall_s'))} s")
    add("Gansu, one year: gold ≤ 45 s", (st(k, "gold").get("per_year_s") or {}).get("2020"), 45,
        "ops.gold_builds seconds of 2020", k, f"whole command {f1(st(k, 'gold').get('wall_s'))} s")
    add("Gansu, one year: gold ≤ 10× DuckDB", p.get("gold", {}).get("ratio_own"), 10,
        "ops.gold_builds seconds of 2020 / the peer's DuckDB seconds", k if "gold" in p else None, unit="×")
    add("Gansu, one year: assessment (all four formats) ≤ 30 s", st(k, "assess").get("own_s"), 30,
        "the command's own figure", k, f"whole command {f1(st(k, 'assess').get('wall_s'))} s")
    k5 = (GANSU, 5)
    add("Gansu, five years: whole pipeline ≤ 25 min", st(k5, "pipeline").get("wall_s"), 1500,
        "sum of the four commands' wall times", k5, f"after start {f1(st(k5, 'pipeline').get('own_s'))} s")
    ratios = fo.get(str(GANSU), {})
    worst = max((v["own"] for s, v in ratios.items() if s in STAGES and v["own"] is not None), default=None)
    add("Gansu, five years: each stage ≤ 5.5× its one-year time", worst, 5.5,
        "the largest five-year / one-year ratio of the stages' own figures",
        k5 if (GANSU, 1) in runs else None,
        ", ".join(f"{s} {v['own']}×" for s, v in ratios.items() if s in STAGES), unit="×")
    rss = [st(kk, s).get("peak_rss_mb") for kk in ((GANSU, 1), (GANSU, 5)) for s in STAGES]
    rss = [x for x in rss if x is not None]
    gk = (GANSU, 1) if (GANSU, 1) in runs else k5
    add("Gansu scale: peak RSS ≤ 6 GiB", round(max(rss) / 1024, 2) if rss else None, 6,
        "the largest peak RSS of the povlake commands at 1.4 M households", gk, unit="GiB")
    return t


def markdown(result, runs):
    L = []
    L.append(f"# Scaling: the pipeline from the sample to all of Gansu ({result['date']})\n")
    for inv in result["invocations"]:
        L.append(f"- `{inv.get('command', 'bench/scaling.sh')}` ({os.path.basename(inv['work'])}; code "
                 f"`{inv.get('code_version', '?')}`) · {result['machine']['cores']} cores · load average at start / "
                 f"end: {inv['load_start']} / {inv['load_end']}")
    L.append("")
    L.append("Seconds: **wall** is the whole command under `/usr/bin/time -v` (JVM and Spark start included); "
             "**own** is the command's own figure after start (ingest's summary line, build-silver's, `gold done in`, "
             "assess's `in … s`). rows/s = rows / own seconds. Rows: " +
             "; ".join(f"{STAGE_NAMES[s]} = {v}" for s, v in ROWS_OF.items()) +
             ". Peer: the DuckDB peer's own seconds (its SQL and Parquet writing; JVM, Spark listing and the "
             "comparison left out) and its whole command; ratio = povlake own / peer own (gold: `ops.gold_builds` "
             "seconds of the peer's year). The silver peer does 2 of silver's 18 tables (members, households); the "
             "gold peer 23 indicators of one year; the ingest peer parses and types CSV only.\n")
    for r in runs.values():
        if r.get("note"):
            L.append(f"Note: {r['note']}.\n")
    L.append("| size | years | stage | wall s | own s | rows | rows/s | peak RSS MB | peer own s | peer wall s "
             "| ratio | peer check |")
    L.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    keys = list(CANONICAL) + sorted((k for k in runs if k not in CANONICAL), key=lambda k: (k[0] != "sample", k))
    keys = sorted(set(keys), key=lambda k: (k[0] != "sample", 0 if k[0] == "sample" else k[0], k[1]))
    for k in keys:
        r = runs.get(k)
        years = "as held" if k[0] == "sample" else ("1 (2020)" if k[1] == 1 else f"{k[1]} ({2021 - k[1]}–2020)")
        if r is None:
            L.append(f"| {size_label(k)} | {years} | not run | | | | | | | | | |")
            continue
        if k[0] == "sample":
            years = r.get("years", "as held").replace("-", "–")
        for s in ["start"] + STAGES + ["pipeline"]:
            t = r["stages"].get(s)
            if t is None:
                if s in STAGES:
                    L.append(f"| {size_label(k)} | {years} | {STAGE_NAMES[s]} | "
                             f"{'failed' if r.get('failed') else 'not run'} | | | | | | | | |")
                continue
            p = r["peers"].get(s)
            exit_note = f" (exit {t['exit']})" if t.get("exit") not in (None, 0) else ""
            L.append("| " + " | ".join([
                size_label(k), years, STAGE_NAMES[s] + exit_note, f1(t.get("wall_s")), f1(t.get("own_s")),
                n0(t.get("rows")), n0(t.get("rows_per_s")), n0(t.get("peak_rss_mb")),
                f1(p.get("own_s")) if p else "", f1(p.get("wall_s")) if p else "",
                (f"{p['ratio_own']:.1f}×" if p.get("ratio_own") is not None else "—") if p else "",
                peer_check(s, p) if p else ("peer failed" if s in r.get("peers_failed", []) or
                                            f"peer_{s}" in r.get("peers_failed", []) else "")]) + " |")
        if r.get("failed"):
            L.append(f"| {size_label(k)} | {years} | **failed**: {r['failed']} | | | | | | | | | |")
    L.append("")
    # derived lines
    L.append("## Derived\n")
    sample = runs.get(("sample", 0))
    if sample:
        parts = [f"{STAGE_NAMES[s]} {f1(sample['stages'].get(s, {}).get('own_s'))} s own / "
                 f"{f1(sample['stages'].get(s, {}).get('wall_s'))} s wall" for s in STAGES]
        st0 = sample["stages"].get("start", {})
        py = sample["stages"].get("gold", {}).get("per_year_s", {})
        L.append(f"- **Fixed cost** (time at the sample, {sample.get('years')}): " + "; ".join(parts)
                 + (f"; gold per year {', '.join(f'{y} {v:.1f} s' for y, v in py.items())}" if py else "")
                 + f"; JVM and Spark start alone (`povlake sql \"SELECT 1\"` on an empty lakehouse) "
                 f"{f1(st0.get('wall_s'))} s, {n0(st0.get('peak_rss_mb'))} MB.")
    else:
        L.append("- **Fixed cost** (time at the sample): not run.")
    g = result["growth_per_10x"]
    if g:
        for ys, per in g.items():
            L.append(f"- **Growth per 10× data** ({ys} year{'s' if ys != '1' else ''}; own seconds; "
                     "(t_b/t_a)^(1/log10(N_b/N_a))): " + "; ".join(
                         f"{STAGE_NAMES[s]} " + ", ".join(f"{x['from']:,}→{x['to']:,} ×{x['per_10x']}" for x in xs)
                         for s, xs in per.items()) + ".")
    else:
        L.append("- **Growth per 10× data**: not run (needs two generated sizes with the same years set).")
    fo = result["five_over_one"]
    if fo:
        for n, per in fo.items():
            L.append(f"- **Five years / one year** at {int(n):,} households: " + "; ".join(
                f"{STAGE_NAMES[s]} ×{v['own']} own (×{v['wall']} wall)" for s, v in per.items()) + ".")
    else:
        L.append("- **Five years / one year**: not run (needs both years sets at one size).")
    L.append("")
    L.append("## Targets (2 cores)\n")
    for t in result["targets"]:
        m = t["measured"]
        meas = "" if m is None else f": {m}{'×' if t['unit'] == '×' else ' ' + t['unit']}"
        extra = f"; {t['extra']}" if t.get("extra") and t["status"] not in ("not run",) else ""
        L.append(f"- {t['target']} — **{t['status']}**{meas} ({t['how']}{extra})")
    L.append("")
    return "\n".join(L)


def main():
    a = argparse.ArgumentParser(description="bench/scaling.sh's table; several --work folders (e.g. the Gansu sizes "
                                            "run on another day) make one table, a later folder's run of the same "
                                            "size and years set replacing an earlier one")
    a.add_argument("--work", action="append", required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--md", required=True)
    args = a.parse_args()
    runs, invocations = {}, []
    for work in args.work:
        inv = jload(os.path.join(work, "arguments.json")) or {}

        def load(f, work=work):
            m = re.search(r"load average: (.*)$", read(os.path.join(work, f)).strip())
            return m.group(1) if m else "?"
        inv.update({"work": work, "load_start": load("load-start.txt"), "load_end": load("load-end.txt")})
        invocations.append(inv)
        for name in sorted(os.listdir(work)):
            d = os.path.join(work, name)
            if os.path.isdir(d):
                r = run_figures(d)
                r["work"] = d
                runs[key_of(r)] = r
    fo = five_over_one(runs)
    try:
        version = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                                 cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    except OSError:
        version = "unknown"
    result = {
        "bench": "scaling", "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        "code_version": version,
        "machine": {"cores": os.cpu_count()},
        "invocations": invocations,
        "rows_are": ROWS_OF,
        "runs": {r["label"]: r for r in runs.values()},
        "growth_per_10x": growth(runs),
        "five_over_one": fo,
        "targets": targets(runs, fo),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")
    md = markdown(result, runs)
    with open(args.md, "w", encoding="utf-8") as f:
        f.write(md)
    print(md)
    print(f"→ {args.out}, {args.md}")


if __name__ == "__main__":
    main()
