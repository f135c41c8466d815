"""Speed of `offercheck benchmarks build` against a bare `csv.reader` pass over the same file, same run.

Usage: python bench/build_speed.py [--runs N] [--sizes 250000,500000,1000000] [--survey FILE]

1. The ai-jobs.net survey (74,301 rows; ../shared/data): the library call (read, dedupe, cells, TOML text,
   write) and the CLI (a fresh `python -m offercheck` process, so interpreter start-up included) vs the
   bare csv pass. Target: library <= 2x the csv pass (stretch 1x).
2. Synthetic surveys in the ai-jobs format made by this script (seeded, so every run builds the same files):
   time per row at each size and its ratio to the smallest size's. Linear growth keeps the ratio near 1.
Best of --runs interleaved runs (as timeit reports): on a shared machine other load only ever adds time.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AIJOBS = REPO.parent / "shared" / "data" / "aijobs_salaries_2025-01-19.csv"
sys.path.insert(0, str(REPO / "src"))

from offercheck.market.survey.build import build_benchmarks  # noqa: E402  (import after making src importable)

HEADER = ("work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,"
          "employee_residence,remote_ratio,company_location,company_size")
TITLES = ("Machine Learning Engineer", "Data Scientist", "Data Engineer", "Research Scientist", "AI Engineer",
          "Software Engineer", "Data Analyst", "Analytics Engineer", "Applied Scientist", "MLOps Engineer",
          "Senior Data Scientist", "Lead Data Engineer", "Research Engineer", "BI Developer", "Data Architect",
          "Head of Data", "Prompt Engineer", "Computer Vision Engineer", "Product Manager", "Consultant")
COUNTRIES = ("US",) * 12 + ("GB", "CA", "DE", "FR", "IN", "AU", "NL", "ES", "SG", "PL", "BR", "JP")


def synthetic(path: Path, rows: int, seed: int = 7) -> None:
    """An ai-jobs-format survey of ``rows`` responses: mostly distinct, a few duplicates and bad rows."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        for i in range(rows):
            if i % 1000 == 999:
                f.write(f"2024,SE,FT,Data Scientist {i},n/a,USD,n/a,US,0,US,L\n")  # a bad row per thousand
                continue
            level = rng.choice("EEMMMSSSSX").replace("E", "EN").replace("M", "MI").replace("S", "SE")
            level = level.replace("X", "EX")
            pay = round(rng.lognormvariate(11.8, 0.45), -2)
            country = rng.choice(COUNTRIES)
            f.write(f"{rng.randint(2021, 2024)},{level},{'FT' if rng.random() < 0.97 else 'CT'},"
                    f"{rng.choice(TITLES)},{pay:.0f},USD,{pay:.0f},{country},{rng.choice((0, 50, 100))},"
                    f"{country},{rng.choice('SML')}\n")


def csv_pass(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as f:
        for _ in csv.reader(f):
            pass


def library(path: Path, out: Path) -> Callable[[], None]:
    def run() -> None:
        text, _ = build_benchmarks(path, name=out.stem)
        out.write_text(text, encoding="utf-8")
    return run


def cli(path: Path, out: Path) -> Callable[[], None]:
    cmd = [sys.executable, "-m", "offercheck", "benchmarks", "build", str(path), "-o", str(out), "--force"]
    return lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  cwd=REPO)


def best(runs: int, **fns: Callable[[], None]) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():  # warm the page cache and bytecode
        fn()
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def machine() -> str:
    """The facts bench/README.md records with the figures (Linux; others say "unknown")."""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        load = Path("/proc/loadavg").read_text().split()[:3]
    except (OSError, StopIteration):
        cpu, load = "unknown", ["unknown"]
    return (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; nproc {os.cpu_count()}; {cpu}; "
            f"Python {sys.version.split()[0]}; load average {' '.join(load)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--survey", type=Path, default=AIJOBS)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.toml"
        if args.survey.exists():
            with args.survey.open(encoding="utf-8") as f:
                n = sum(1 for _ in f) - 1
            t = best(args.runs, csv=lambda: csv_pass(args.survey), library=library(args.survey, out),
                        cli=cli(args.survey, out))
            print(f"{args.survey.name} ({n:,} rows), best of {args.runs}:")
            print(f"  bare csv.reader pass:       {t['csv'] * 1000:7.1f} ms")
            print(f"  benchmarks build (library): {t['library'] * 1000:7.1f} ms  ratio {t['library'] / t['csv']:.2f}"
                  " (target <= 2, stretch 1)")
            print(f"  benchmarks build (CLI):     {t['cli'] * 1000:7.1f} ms  ratio {t['cli'] / t['csv']:.2f}"
                  " (a new process: includes interpreter start-up and imports)")
        else:
            print(f"{args.survey}: not found; skipping the ai-jobs comparison")

        sizes = [int(s) for s in args.sizes.split(",")]
        per_row: dict[int, float] = {}
        csv_per_row: dict[int, float] = {}
        print(f"synthetic ai-jobs-format surveys (library call), best of {max(1, args.runs // 2)}:")
        for size in sizes:
            path = Path(tmp) / f"synthetic_{size}.csv"
            synthetic(path, size)
            t = best(max(1, args.runs // 2), csv=lambda p=path: csv_pass(p), library=library(path, out))
            per_row[size], csv_per_row[size] = t["library"] / size, t["csv"] / size
            print(f"  {size:>9,} rows: build {t['library']:6.2f} s ({per_row[size] * 1e6:.2f} us/row), "
                  f"csv pass {t['csv']:5.2f} s, ratio {t['library'] / t['csv']:.2f}; time per row vs "
                  f"{sizes[0]:,} rows: build {per_row[size] / per_row[sizes[0]]:.2f}, "
                  f"csv pass {csv_per_row[size] / csv_per_row[sizes[0]]:.2f}")
        print("  (1.00 = linear; the csv pass shows how much the machine alone drifts at that size)")
    print(f"done: {machine()}")


if __name__ == "__main__":
    main()
