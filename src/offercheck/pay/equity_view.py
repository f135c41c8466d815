"""One equity view per comparison (DESIGN.md sections 4 and 5): the view every private grant is valued in.

The risk view needs each private grant's liquidity probability (no published study supports a default), plus a
dilution and a number of rounds (which have defaults). A grant without them is shown at paper even in the risk
view, so a comparison that mixed views would rank the careful user's grant, discounted for risk, against
another at its full paper value. So: when any private grant in the comparison cannot be seen at risk, every
private grant is valued at paper, and a note says why; the risk view holds only where every private grant has
its inputs. Public grants are the same in both views.

A pure function of the offers, for the caller that evaluates them (``api``): it decides the view before any
offer is evaluated, and passes the note on to the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.pay.equity_offer import is_private, resolved_terms

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.equity import View

__all__ = ["SharedView", "shared_view"]


@dataclass(frozen=True)
class SharedView:
    """The view of every private grant in one comparison, and why it is not the one asked for (None: it is)."""

    view: View
    note: str | None = None
    lacking: tuple[str, ...] = ()  # the offers (labels, else companies) whose grants lack the risk inputs


def shared_view(offers: Sequence[Offer], asked: View = "risk") -> SharedView:
    """The view for a comparison of ``offers`` (the current job included, when there is one), ``asked`` being
    the user's ``--equity`` (default risk, DESIGN section 5)."""
    if asked == "paper":
        return SharedView("paper")
    lacking: dict[str, tuple[str, ...]] = {}
    for o in offers:
        if is_private(o) and o.equity is not None:
            from offercheck.pay.equity import risk_factor  # a private grant's engine: only when one is compared

            f = risk_factor(resolved_terms(o.equity))
            if not f.applied:
                lacking[o.label] = f.missing
    if not lacking:
        return SharedView(asked)
    keys = ", ".join(dict.fromkeys(f"equity.{k}" for missing in lacking.values() for k in missing))
    names = " and ".join(lacking)
    private = sum(1 for o in offers if is_private(o))
    every = "the private grant is" if private == 1 else f"all {private} private grants are"
    gives = "gives" if len(lacking) == 1 else "give"
    note = f"{every} valued at paper, not at risk: {names} {gives} no {keys}, and one comparison uses one view"
    return SharedView("paper", note, tuple(lacking))
