"""The words of a negotiation in the company's jurisdiction, and the grammar of names (DESIGN.md section 4).

US-only terms (the 409A price, ISO/NSO, sections of the Internal Revenue Code, US companies' policies as
precedents) are said only to a company in the US: the rule is ``pay.jurisdiction.us_terms``, which compare's equity
notes ask too. Elsewhere the words are generic ("the latest valuation of the common shares", "a longer exercise
period"), or the country's own where a published source says them:

- GB: an EMI option exercised within 90 days of a disqualifying event keeps its tax advantages, and the employee
  leaving is one (ITEPA 2003 ss. 532 and 535; HMRC, Employee Tax Advantaged Share Scheme User Manual, ETASSUM57050
  and ETASSUM57090, https://www.gov.uk/hmrc-internal-manuals/employee-tax-advantaged-share-scheme-user-manual/
  etassum57050).
- DE: most German start-ups grant virtual options (a VSOP: cash at a sale or listing, no shares issued; Lawsimple,
  "Employee Equity in Germany - Options vs. VSOPs", https://lawsimple.co/post/employee-equity-in-germany-options-
  vs-vsops); the Federal Labour Court held that vested virtual options are pay for work done, and that a clause
  letting them lapse at once on the employee's own resignation is void (BAG, judgment of 19 March 2025, 10 AZR
  67/24, press release no. 12/2025; reported by Orrick, https://orrick.com/en/Insights/2025/03/Lapse-of-Virtual-
  Stock-Options-in-the-Event-of-Voluntary-Resignation-Good-Leaver-or-Bad-Leaver).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.pay.jurisdiction import EMI_SOURCE, us_terms

if TYPE_CHECKING:
    from offercheck.offer.models import Offer

__all__ = ["Local", "local_terms", "possessive"]

BAG_SOURCE = ("Bundesarbeitsgericht, judgment of 19 March 2025, 10 AZR 67/24 (press release no. 12/2025): vested "
              "virtual options are pay for work done; their immediate lapse on the employee's resignation is void "
              "(reported at https://orrick.com/en/Insights/2025/03/Lapse-of-Virtual-Stock-Options-in-the-Event-of-"
              "Voluntary-Resignation-Good-Leaver-or-Bad-Leaver)")
VSOP_SOURCE = ("Lawsimple, 'Employee Equity in Germany - Options vs. VSOPs': most German start-ups grant virtual "
               "options, paid in cash at a liquidity event (https://lawsimple.co/post/employee-equity-in-germany-"
               "options-vs-vsops)")


@dataclass(frozen=True)
class Local:
    """What a negotiation says about private equity in one jurisdiction."""

    us: bool
    common_price: str  # "the 409A price of the common" | "the latest valuation of the common shares"
    valuation: str  # what to ask the date of: "the latest 409A valuation" | "the latest valuation of the common shares"
    fmv_field: str  # the offer file's fmv, for a source: "fmv (409A)" | "fmv (the latest valuation of the common)"
    window_reason: str = ""  # the country's own reason for a longer exercise period ("" when none is shipped)
    window_source: str = ""
    ownership_question: str = ""  # a question the country adds to the ownership point
    ownership_source: str = ""
    retirement: str = "employer pension contribution"  # the employer's retirement pay, in the country's words


US = Local(True, "the 409A price of the common", "the latest 409A valuation", "fmv (409A)",
           retirement="retirement match")


def _abroad(window_reason: str = "", window_source: str = "", ownership_question: str = "",
            ownership_source: str = "") -> Local:
    common = "the latest valuation of the common shares"
    return Local(False, common, common, f"fmv ({common})", window_reason, window_source, ownership_question,
                 ownership_source)


_COUNTRIES = {
    "GB": _abroad(
        window_reason=("If they are EMI options, exercising within 90 days of leaving keeps their tax advantages; a "
                       "longer period would let me keep them without having to buy the shares within 90 days."),
        window_source=EMI_SOURCE),
    "DE": _abroad(
        window_reason=("The Federal Labour Court has held that vested options are pay for work already done, not "
                       "only a reward for staying (judgment of 19 March 2025, 10 AZR 67/24)."),
        window_source=BAG_SOURCE,
        ownership_question=("Are these options on shares of the company, or virtual options (a VSOP) paid in cash "
                            "at a sale or listing?"),
        ownership_source=VSOP_SOURCE),
}


def local_terms(offer: Offer) -> Local:
    """The words for ``offer``'s company, by the country of its location (US terms only in the US)."""
    if us_terms(offer):
        return US
    return _COUNTRIES.get(offer.location.country) or _abroad()


def possessive(name: str) -> str:
    """"Thames Payments'" and "Bigtech Inc.'s": a name ending in s takes an apostrophe alone."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
