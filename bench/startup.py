"""Start-up cost of `offercheck compare` relative to importing its dependencies, measured in the same run.

Usage: python bench/startup.py [--runs N]. Prints the median of each and the ratio (target: at most 1.5).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import click, pluggy, pydantic, tabulate, tomllib"]
COMMAND = [sys.executable, "-m", "offercheck", "compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    base, cmd = [], []
    timed(COMMAND)  # warm the file cache and bytecode
    for _ in range(args.runs):  # interleave so machine noise hits both alike
        base.append(timed(BASELINE))
        cmd.append(timed(COMMAND))
    b, c = statistics.median(base), statistics.median(cmd)
    print(f"baseline (import click, pluggy, pydantic, tabulate, tomllib): {b * 1000:.1f} ms")
    print(f"offercheck compare (2 offers):                               {c * 1000:.1f} ms")
    print(f"ratio: {c / b:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
