"""Our state income tax against PolicyEngine-US for every state and DC: 90k and 250k, single and joint, 2025 and 2026.

Prints a markdown table: per state and case, ours, PolicyEngine's (state_income_tax_before_refundable_credits,
households told not to itemize federally: see tests/tax/policyengine_us_oracle.py), and the difference; a case
outside max(25 dollars, 1%) is starred. Run from the repository root after `pip install -e '.[dev]'`:
`python bench/state_tax_oracle.py` (about a minute and a half: PolicyEngine's import and two simulations).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from offercheck.tax import estimate_tax  # noqa: E402  (import after making src importable)
from offercheck.tax.us import SUBDIVISIONS  # noqa: E402
from tests.tax.policyengine_us_oracle import Case, state_income_tax, version  # noqa: E402

COLUMNS = [(status, wages) for status in ("single", "married") for wages in (90_000, 250_000)]
YEARS = (2025, 2026)


def ours(case: Case) -> float:
    result = estimate_tax(
        country="US", subdivision=case.state, city=None, filing_status=case.status, tax_year=case.year, wages=case.wages
    )
    return sum(line.amount for line in result.lines if line.name == f"{case.state} income tax")


def cell(mine: float, theirs: float) -> str:
    diff = mine - theirs
    star = "*" if abs(diff) > max(25.0, 0.01 * theirs) else ""
    return f"{mine:,.0f} / {theirs:,.0f} ({diff:+,.0f}){star}"


def main() -> None:
    cases = [Case(s, status, w, y) for y in YEARS for s in SUBDIVISIONS for status, w in COLUMNS]
    theirs = state_income_tax(cases)
    print(f"PolicyEngine-US {version()}; cells: ours / PolicyEngine (difference), * = outside max($25, 1%)\n")
    for year in YEARS:
        heads = " | ".join(f"{'MFJ' if s == 'married' else 'single'} {w // 1000}k" for s, w in COLUMNS)
        print(f"### {year}\n\n| state | {heads} |\n|---|" + "---|" * len(COLUMNS))
        outside = 0
        for state in SUBDIVISIONS:
            row = []
            for status, wages in COLUMNS:
                case = Case(state, status, wages, year)
                row.append(cell(ours(case), theirs[case]))
                outside += row[-1].endswith("*")
            print(f"| {state} | " + " | ".join(row) + " |")
        total = len(SUBDIVISIONS) * len(COLUMNS)
        print(f"\n{year}: {total - outside} of {total} cases within tolerance\n")


if __name__ == "__main__":
    main()
