#!/usr/bin/env python3
"""Makes a small follow-up delivery for the incremental silver benchmark: from an inbox's event extracts
(assistance, inpatient_claims, training, orders) it takes FRACTION of the inbox's rows in all (spread over the
event files by size), half as corrections (same primary key) and half as new events (key + "R"), and writes
them as deliveries dated AS_OF into OUT/<source>/<extract>_<AS_OF>.csv. Deterministic (every n-th record).
With ONLY_YEAR (a fifth argument), the rows come only from the files delivered in that year (late corrections and
additions to one year: the night gold rebuilds only the years whose windows they fall in)."""
import csv, gzip, io, json, os, sys

EVENTS = {"registry/assistance": "measure_id", "health/inpatient_claims": "claim_id",
          "education/training": "training_id", "ecommerce/orders": "order_id"}

def open_text(path):
    return io.TextIOWrapper(gzip.open(path), encoding="utf-8", newline="") if path.endswith(".gz") \
        else open(path, encoding="utf-8", newline="")

def main(inbox, out, fraction, as_of, only_year=None):
    total = 0
    files = {}
    for d, _, fs in os.walk(inbox):
        for f in fs:
            if f.endswith((".csv", ".csv.gz")):
                with open_text(os.path.join(d, f)) as fh:
                    n = sum(1 for _ in csv.reader(fh)) - 1
                total += n
                rel = os.path.relpath(os.path.join(d, f), inbox)
                stem = rel.split("_")[0] if rel.count("_") == 1 else rel.rsplit("_", 1)[0]
                if stem in EVENTS and (only_year is None or rel.rsplit("_", 1)[1][:4] == only_year):
                    files[rel] = (stem, n)
    want = int(total * fraction)
    events = sum(n for _, n in files.values())
    written = 0
    started = set()   # an extract's files of several years go into its one delivery: the header once
    for rel, (stem, n) in sorted(files.items()):
        share = max(1, round(want * n / events))
        step = max(1, n // share)
        target = os.path.join(out, stem + "_" + as_of + ".csv")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        first = stem not in started
        started.add(stem)
        with open_text(os.path.join(inbox, rel)) as fh, \
                open(target, "w" if first else "a", encoding="utf-8", newline="") as w:
            r = csv.reader(fh)
            header = next(r)
            key = [h.strip().lower() for h in header].index(EVENTS[stem])
            wr = csv.writer(w, lineterminator="\n")
            if first:
                wr.writerow(header)
            taken = 0
            for i, row in enumerate(r):
                if i % step == 0 and taken < share and len(row) == len(header):
                    if taken % 2 == 1:
                        row[key] = row[key] + "R"
                    wr.writerow(row)
                    taken += 1
            written += taken
    json.dump({"inbox_rows": total, "fraction": fraction, "increment_rows": written, "as_of": as_of,
               "only_year": only_year},
              sys.stdout)
    print()

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
