"""The current-job file (``--current``): what it may hold that an offer may not, and the other way round.

Checked when the files are read, so a sign-on in the current job or a ``[leaving]`` table in an offer is one
clear error naming the file and field; what staying pays is computed in ``offercheck.pay.current``.
"""

from __future__ import annotations

from offercheck.errors import OfferFileError
from offercheck.offer.models import Offer

__all__ = ["REFRESH_VESTING", "STAY_PREFIX", "current_job_problems", "offer_problems"]

STAY_PREFIX = "Stay: "
# How refreshers vest in the current-job file unless it says: its [equity] schedule is what remains of a grant
# already held, not how a new grant vests (DESIGN.md section 2).
REFRESH_VESTING = "4y-even"


def current_job_problems(job: Offer, name: str) -> list[OfferFileError]:
    """Offer-only terms that make no sense for staying where you are: anything in ``[sign_on]``."""
    return [OfferFileError(name, "a current job has no sign-on or relocation to receive; put a sign-on or relocation "
                                 "you would have to repay in leaving.clawback_owed", f"sign_on.{field}")
            for field in type(job.sign_on).model_fields if field in job.sign_on.model_fields_set]


def offer_problems(offer: Offer, name: str) -> list[OfferFileError]:
    """A ``[leaving]`` table belongs to the current job, not to an offer."""
    if offer.leaving is None:
        return []
    return [OfferFileError(name, "only the current-job file (given with --current) has a [leaving] table", "leaving")]
