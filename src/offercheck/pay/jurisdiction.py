"""Which words fit a company's jurisdiction (DESIGN.md section 4), for pay and negotiation alike.

US-only terms (the 409A price, ISO/NSO, sections of the Internal Revenue Code or the US Code, US companies'
policies as precedents) are said only of a company in the US (``location.country`` US): :func:`us_terms` is that
rule, asked by the equity notes and defaults here (compare) and by ``negotiation.local`` (negotiate). Elsewhere the
words are generic, or the country's own where a published source says them (:data:`EMI_SOURCE` for GB).

The 90-day default exercise window (``data/equity_defaults.toml``) rests on the US rule for incentive stock options
(26 U.S.C. 422(a)(2)): outside the US the same 90 days are cited by the country's own rule where one is shipped,
else said to be assumed (:func:`local_defaults`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.equity import Defaults

__all__ = ["EMI_SOURCE", "local_defaults", "us_terms"]

EMI_SOURCE = ("HMRC, Employee Tax Advantaged Share Scheme User Manual, ETASSUM57050 and ETASSUM57090 (ITEPA 2003 "
              "ss. 532, 535): an EMI option exercised within 90 days of leaving keeps its tax advantages "
              "(https://www.gov.uk/hmrc-internal-manuals/employee-tax-advantaged-share-scheme-user-manual/"
              "etassum57050)")
# The 90-day default window outside the US: (source, short citation) by country, else the assumption said.
_WINDOW = {"GB": (EMI_SOURCE, "HMRC ETASSUM57050, EMI options")}
_WINDOW_ASSUMED = ("90 days assumed: no published norm for this country is shipped (the option plan's own terms "
                   "decide); give equity.exercise_window_days", "assumed")


def us_terms(offer: Offer) -> bool:
    """US-only terms may be said of ``offer``'s company: its work place is in the US."""
    return offer.location.country == "US"


def local_defaults(offer: Offer) -> Defaults | None:
    """The private-equity defaults as cited for ``offer``'s company; None: the packaged ones as they are (US)."""
    if us_terms(offer):
        return None
    from offercheck.pay.equity import load_defaults

    defaults = load_defaults()
    window = defaults.get("exercise_window_days")
    if window.value is None:
        return defaults
    source, cite = _WINDOW.get(offer.location.country, _WINDOW_ASSUMED)
    local = dataclasses.replace(window, source=source, cite=cite)
    return dataclasses.replace(defaults, by_key={**defaults.by_key, "exercise_window_days": local})
