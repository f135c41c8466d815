"""How far the counter-offer goes for typical public offers: base ask and year-1 cash, as % of the offer's.

Usage: python bench/negotiation_asks.py [FILE.toml ...] (default: tests/negotiation/data/public/*.toml, each
naming the public source of its figures). Scored against the shipped benchmarks, so the figures move with them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from offercheck import get_plugin_manager
from offercheck.api import negotiate
from offercheck.market.registered import market_for
from offercheck.negotiation.asks import year1_cash

REPO = Path(__file__).resolve().parents[1]
PUBLIC = REPO / "tests/negotiation/data/public"


def main(paths: list[Path]) -> None:
    pm = get_plugin_manager()
    market = market_for(pm)
    print(f"{'offer':<56} {'base':>9} {'base ask':>9} {'% base':>7} {'yr-1 cash':>10} {'counter':>9} {'% cash':>7}")
    for path in paths:
        n = negotiate(path, pm=pm, benchmarks=market)
        e = n.evaluation
        assert n.asks is not None
        cash, counter = n.asks.offer_cash, year1_cash(e, n.asks.package)
        base = e.years[0].base
        print(f"{e.label:<56} {base:>9,.0f} {n.counter.base:>9,.0f} {100 * n.counter.base / base:>6.1f}% "
              f"{cash:>10,.0f} {counter:>9,.0f} {100 * counter / cash:>6.1f}%")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or sorted(PUBLIC.glob("*.toml")))
