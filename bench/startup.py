"""Start-up cost of `offercheck compare` relative to importing its dependencies, measured in the same run.

Usage: python bench/startup.py [--runs N] [--repo DIR]. Prints the median of each and the ratio to the stack as
used (target: at most 1.5, DESIGN section 1). ``--repo DIR`` times another checkout with its own ``.venv`` (a
before/after pair in one session: ``--repo ../main``).
"""

from __future__ import annotations

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import click, pluggy, pydantic, tabulate, tomllib"]
# The target's baseline (DESIGN section 1, issue 22): the stack as offercheck uses it. `from pydantic import
# BaseModel` loads the model machinery, which the lazy `import pydantic` above does not.
STACK = [sys.executable, "-c", "import click, pluggy, tabulate, tomllib; from pydantic import BaseModel"]
# `import pydantic` alone is lazy: it does not load the model machinery. This second baseline also defines and
# validates one model, the least any pydantic-based program pays, to show how much of the gap is pydantic's.
PYDANTIC_USED = [sys.executable, "-c", BASELINE[2] + "\nclass M(pydantic.BaseModel):\n    a: int\nM(a=1)"]
# The least `compare` itself can pay under DESIGN section 1 (offers are pydantic models, extra="forbid"): the
# same imports, then the two offer files read and validated by offercheck's own models, and nothing else.
OFFERS = ["examples/bigtech-sf.toml", "examples/startup-nyc.toml"]
OFFERS_VALIDATED = [sys.executable, "-c", "import os; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
                    + BASELINE[2] + f"\nfrom offercheck.offer.loading import load_offers\nload_offers({OFFERS!r})"]
COMMAND = [sys.executable, "-m", "offercheck", "compare", *OFFERS]


def timed(cmd: list[str], repo: Path = REPO) -> float:
    """Wall time of one run; its CPU time (user + system) is added to ``CPU[cmd[-1]]``: on a loaded machine the
    wall times wait for the processor, the CPU times much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=repo)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(" ".join(cmd), []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


CPU: dict[str, list[float]] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to time (default: this one)")
    args = parser.parse_args()
    repo = args.repo.resolve()
    python = repo / ".venv" / "bin" / "python" if repo != REPO else Path(sys.executable)
    # A regular install compiles bytecode (pip does); an editable one under PYTHONDONTWRITEBYTECODE=1, as on
    # these machines, would otherwise recompile offercheck's modules on every run while the baseline's
    # packages load from bytecode.
    compileall.compile_dir(str(repo / "src" / "offercheck"), quiet=1)
    command = [str(python), *COMMAND[1:]]
    validated = [str(python), *OFFERS_VALIDATED[1:]]
    base, stack, used, offers, cmd = [], [], [], [], []
    timed(command, repo)  # warm the file cache and offercheck's data cache
    for _ in range(args.runs):  # interleave so machine noise hits all alike
        base.append(timed(BASELINE))
        stack.append(timed(STACK))
        used.append(timed(PYDANTIC_USED))
        offers.append(timed(validated, repo))
        cmd.append(timed(command, repo))
    b, s, u, o, c = (statistics.median(x) for x in (base, stack, used, offers, cmd))
    print(f"checkout: {repo}")
    print(f"baseline (import click, pluggy, pydantic, tabulate, tomllib): {b * 1000:6.1f} ms")
    print(f"the stack as used (... tomllib; from pydantic import BaseModel): {s * 1000:4.1f} ms  ({s / b:.2f}x)")
    print(f"baseline + one pydantic model:                                {u * 1000:6.1f} ms  ({u / b:.2f}x)")
    print(f"baseline + the 2 offer files validated by offercheck's models: {o * 1000:5.1f} ms  ({o / b:.2f}x)")
    print(f"offercheck compare (2 offers):                                {c * 1000:6.1f} ms  ({c / b:.2f}x)")
    print(f"ratio: {c / s:.2f} against the stack as used (target <= 1.5); {c / b:.2f} against the bare imports; "
          f"{c / u:.2f} against the pydantic-model baseline; {c / o:.2f} against validating the offers alone")
    cpu_stack, cpu_cmd = (statistics.median(CPU[" ".join(x)]) for x in (STACK, command))
    print(f"CPU time (user + system): the stack {cpu_stack * 1000:.1f} ms, compare {cpu_cmd * 1000:.1f} ms, ratio "
          f"{cpu_cmd / cpu_stack:.2f}")


if __name__ == "__main__":
    main()
