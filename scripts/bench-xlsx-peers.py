#!/usr/bin/env python3
"""Side-by-side XLSX read timings for docs/performance.md (issue 4, scenario xlsx_read).

Reads the same workbook `sheet bench` reads, with python-calamine (Rust) and openpyxl
(read-only and normal mode), each run in a fresh Python process; prints the median wall time
CPU time and peak RSS per reader (CPU time is steadier than wall time on a shared machine).

    swift build -c release
    .build/release/sheet bench --write-xlsx /tmp/xlsx_read.xlsx
    pip install python-calamine openpyxl
    python3 scripts/bench-xlsx-peers.py /tmp/xlsx_read.xlsx [--runs 5]

Each reader loads every cell's value into Python lists (calamine and openpyxl return cached
values for formula cells; neither parses the formulas, which `sheet` does).
"""
import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def read_calamine(path):
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(path)
    rows = wb.get_sheet_by_index(0).to_python()
    return sum(len(r) for r in rows)


def read_openpyxl_read_only(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += len(row)
    wb.close()
    return n


def read_openpyxl(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += len(row)
    return n


READERS = {
    "python-calamine": read_calamine,
    "openpyxl (read_only)": read_openpyxl_read_only,
    "openpyxl": read_openpyxl,
}


def one(name, path):
    start = time.perf_counter()
    cpu_start = time.process_time()
    cells = READERS[name](path)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"reader": name, "seconds": elapsed, "cpu_seconds": cpu, "cells": cells, "peak_rss_mb": peak_mb}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", help="comma-separated reader names")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one, args.path)
        return
    names = args.only.split(",") if args.only else list(READERS)
    print(f"{'reader':24} {'median_ms':>10} {'cpu_ms':>8} {'runs':>5} {'cells':>9} {'peak_rss_mb':>12}")
    for name in names:
        results = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, args.path, "--one", name],
                                 capture_output=True, text=True, check=True)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        median = statistics.median(r["seconds"] for r in results) * 1000
        cpu = statistics.median(r["cpu_seconds"] for r in results) * 1000
        peak = max(r["peak_rss_mb"] for r in results)
        print(f"{name:24} {median:10.0f} {cpu:8.0f} {args.runs:5d} {results[0]['cells']:9d} {peak:12.1f}", flush=True)


if __name__ == "__main__":
    main()
