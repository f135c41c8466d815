"""How `offercheck compare` scales with the number of offers: 1, 10, 100 and 1,000 generated offer files.

Usage: python bench/compare_scaling.py [--sizes 1 10 100 1000] [--runs N] [--profile]

Two paths are timed, each against a baseline measured in the same run (absolute times vary between machines;
ratios much less):

* library: load_offers + compare (scored, with the plugin manager, as the CLI does) + JSON rendering, in-process.
  Baseline: tomllib parsing the same files (the least any loader must do). Reported: time per offer, as a
  multiple of the baseline's time per offer.
* cli: `python -m offercheck compare --format json FILES` as a subprocess. Baseline: the same with 1 offer,
  run alternately with it. Reported: t(n) / t(1), and the marginal cost per offer, (t(n) - t(1)) / (n - 1),
  as a multiple of the library's per-offer time at the same n (about 1: the CLI adds nothing per offer).

Each figure is the fastest of several runs (as timeit advises: slower runs measure other processes).
The growth figure is per-offer cost at the largest size divided by per-offer cost at the one before (1,000 vs
100): 1.0 means linear; 2 would mean quadratic work dominates. --profile prints the top functions by
cumulative time for the library path at the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]

# ----------------------------------------------------------------------------------------- realistic offers

COMPANIES = ["Acme Robotics", "Bigtech Inc.", "Tensorloom", "Maple Financial", "Northwind", "Globex", "Initech",
             "Umbrella Health", "Hooli", "Vandelay Industries", "Stark Analytics", "Wayne Logistics"]
ROLES = ["machine learning engineer", "software engineer", "data scientist", "data engineer"]
# (country, state, city, currency)
PLACES = [("US", "CA", "San Francisco", "USD"), ("US", "NY", "New York", "USD"), ("US", "WA", "Seattle", "USD"),
          ("US", "TX", "Austin", "USD"), ("CA", "ON", "Toronto", "CAD"), ("GB", None, "London", "GBP"),
          ("DE", None, "Berlin", "EUR"), ("IN", None, "Bengaluru", "INR"), ("JP", None, "Tokyo", "JPY"),
          ("CH", None, "Zurich", "CHF")]
# Rough local base pay for a mid-level engineer, per currency.
BASE = {"USD": 170_000, "CAD": 150_000, "GBP": 90_000, "EUR": 85_000, "INR": 3_500_000, "JPY": 12_000_000,
        "CHF": 140_000}
PRESETS = ["4y-even", "4y-cliff-1y", "amazon", "google-front", "3y-even"]


def offer_toml(rng: random.Random, i: int) -> str:
    """One realistic offer file: RSUs by value or by shares, options, presets and custom schedules, currencies."""
    country, state, city, currency = rng.choice(PLACES)
    base = round(BASE[currency] * rng.uniform(0.7, 1.6), -3)
    lines = ["[offer]", f'company = "{rng.choice(COMPANIES)}"', f'role = "{rng.choice(ROLES)}"',
             f'level = "L{rng.randint(3, 7)}"', f'currency = "{currency}"']
    if rng.random() < 0.5:
        lines.append(f'label = "Offer {i}"')  # the rest collide by company and are told apart by file name
    lines += ["", "[candidate]", f"years_experience = {rng.randint(0, 20)}",
              f'education = "{rng.choice(["bachelor", "master", "phd"])}"',
              f'certifications = {rng.sample(["aws", "gcp", "azure"], rng.randint(0, 2))!r}'.replace("'", '"')]
    lines += ["", "[location]", f'city = "{city}"', f'country = "{country}"',
              f'remote = "{rng.choice(["onsite", "hybrid", "remote"])}"']
    if state:
        lines.append(f'state = "{state}"')
    lines += ["", "[company]", f'industry = "{rng.choice(["tech", "finance", "health", "retail"])}"',
              f'size = "{rng.choice(["startup", "sme", "large"])}"']
    lines += ["", "[salary]", f"base = {base:.0f}", f"annual_raise_percent = {rng.choice([0, 2, 3, 4])}"]
    lines += ["", "[bonus]", rng.choice([f"target_percent = {rng.choice([10, 15, 20])}",
                                         f"amount = {round(base * 0.1, -3):.0f}"])]
    if rng.random() < 0.6:
        first, second = round(base * 0.2, -3), round(base * 0.1, -3)
        lines += ["", "[sign_on]", rng.choice([f"amount = {first:.0f}", f"amounts = [{first:.0f}, {second:.0f}]"])]
    kind = rng.choice(["rsu-value", "rsu-shares", "options", "none"])
    vesting = (f'vesting = "{rng.choice(PRESETS)}"' if rng.random() < 0.7
               else "schedule = [10, 20, 30, 40]")
    if kind == "rsu-value":
        lines += ["", "[equity]", 'kind = "rsu"', f"grant_value = {round(base * rng.uniform(0.5, 3), -3):.0f}",
                  vesting, f"refresh_annual = {round(base * 0.2, -3):.0f}"]
    elif kind == "rsu-shares":
        lines += ["", "[equity]", f"shares = {rng.randint(500, 5000)}", f"share_price = {rng.uniform(20, 400):.2f}",
                  vesting, f"annual_growth_percent = {rng.choice([0, 5, 10])}"]
    elif kind == "options":
        lines += ["", "[equity]", 'kind = "options"', f"shares = {rng.randint(10_000, 200_000)}",
                  f"strike = {rng.uniform(0.1, 5):.2f}", f"fmv = {rng.uniform(1, 10):.2f}", vesting,
                  f"annual_growth_percent = {rng.choice([0, 20, 50])}"]
    lines += ["", "[benefits]", f"retirement_match_percent = {rng.choice([0, 3, 4, 6])}",
              f"health_annual = {rng.choice([0, 4000, 8000])}", f"pto_days = {rng.choice([15, 20, 25, 30])}"]
    if rng.random() < 0.3:
        lines += ["espp_discount_percent = 15", "espp_contribution_percent = 10"]
    return "\n".join(lines) + "\n"


def write_offers(directory: Path, n: int) -> list[str]:
    rng = random.Random(7)  # the same offers every run, so runs compare
    paths = []
    for i in range(n):
        path = directory / f"offer-{i:04d}.toml"
        path.write_text(offer_toml(rng, i), encoding="utf-8")
        paths.append(str(path))
    return paths


# --------------------------------------------------------------------------------------------------- timing


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def library_call(paths: list[str]) -> Callable[[], str]:
    from offercheck.api import compare
    from offercheck.render import render

    def run() -> str:
        # Files loaded and the plugin manager built per call, as each CLI run does.
        return render(compare(paths), "json")

    return run


def toml_baseline(paths: list[str]) -> Callable[[], object]:
    def run() -> object:
        return [tomllib.loads(Path(p).read_text(encoding="utf-8")) for p in paths]

    return run


def cli_call(paths: list[str]) -> Callable[[], object]:
    cmd = [sys.executable, "-m", "offercheck", "compare", "--format", "json", *paths]

    def run() -> object:
        return subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)

    return run


def runs_for(n: int, scale: float) -> int:
    """More repetitions for small, fast sizes, so the fastest of them is close to the true cost."""
    return max(3, round({1: 60, 10: 30, 100: 9, 1000: 5}.get(n, 5) * scale))


def profile_library(paths: list[str], top: int = 25) -> str:
    fn = library_call(paths)
    fn()
    prof = cProfile.Profile()
    prof.runcall(fn)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--runs", type=float, default=1.0, help="scale the number of repetitions (default 1)")
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess timings")
    parser.add_argument("--profile", action="store_true", help="cProfile the library path at the largest size")
    args = parser.parse_args()
    sizes = sorted(args.sizes)

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="offercheck-bench-") as tmp:
        all_paths = write_offers(Path(tmp), sizes[-1])
        library_call(all_paths[:1])()  # import everything and fill caches before timing
        rows = []
        for n in sizes:
            paths = all_paths[:n]
            runs = runs_for(n, args.runs)
            lib, base = [], []
            for _ in range(runs):  # interleaved, so machine noise hits both alike
                lib.append(timed(library_call(paths)))
                base.append(timed(toml_baseline(paths)))
            # The fastest run, as timeit advises: slower ones measure other processes (the machine is shared).
            row = {"n": n, "lib": min(lib), "toml": min(base)}
            if not args.no_cli:
                cli, cli1 = [], []
                for _ in range(max(5, round(7 * args.runs))):  # CLI(1), the start-up baseline, interleaved
                    cli.append(timed(cli_call(paths)))
                    cli1.append(timed(cli_call(paths[:1])))
                row["cli"], row["cli1"] = min(cli), min(cli1)
            rows.append(row)
    load = max(load_before, os.getloadavg()[0])

    cli_head = "" if args.no_cli else "  CLI ms total  x CLI(1)  CLI marginal ms/offer  x library"
    print(f"offers  library ms/offer  x TOML parse{cli_head}")
    for r in rows:
        per = r["lib"] / r["n"]
        line = f"{r['n']:>6}  {per * 1000:>16.3f}  {r['lib'] / r['toml']:>12.1f}"
        if "cli" in r:
            line += f"  {r['cli'] * 1000:>12.0f}  {r['cli'] / r['cli1']:>8.2f}"
            # Below 100 offers the work is within the noise of process start-up: no marginal figure.
            if r["n"] >= 100:
                line += f"  {marginal(r) * 1000:>21.3f}  {marginal(r) / per:>9.2f}"
        print(line)
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        print(f"\nper-offer cost, {b['n']} vs {a['n']} offers (1.0 = linear):")
        print(f"  library: {(b['lib'] / b['n']) / (a['lib'] / a['n']):.2f}")
        if "cli" in b and a["n"] >= 100:
            print(f"  cli (marginal, start-up excluded): {marginal(b) / marginal(a):.2f}")
    if load > (os.cpu_count() or 1) / 2:
        print(f"\nnote: load average {load:.1f} on {os.cpu_count()} CPUs while measuring; figures are noisy")
    if args.profile:
        print(f"\ncProfile of the library path, {sizes[-1]} offers, by cumulative time:")
        print(profile_library(all_paths))


def marginal(row: dict[str, float]) -> float:
    """CLI seconds per offer beyond start-up: (t(n) - t(1)) / (n - 1)."""
    return (row["cli"] - row["cli1"]) / (row["n"] - 1)


if __name__ == "__main__":
    main()
