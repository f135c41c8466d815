"""What an offer has paid if the person leaves after N months: salary, bonus, vested equity, sign-on kept.

Pure functions of an Offer. Conventions (each is stated in ``LeaveEarly.notes`` so a reader sees it):
- salary accrues monthly: a twelfth of that year's base per month worked;
- a bonus is paid for each completed year; for the unfinished year only if ``[bonus] prorated = true`` (the
  policy says so), then pro rata by months;
- equity: each year's percentage vests in equal parts every ``vest_every_months`` within that year, valued at that
  year's price; nothing vests before ``cliff_months`` and what was held back vests at the cliff. Refreshers are
  granted at the start of each year from year 2 and vest on the same terms from their grant date;
- sign-on amounts are paid at the start of their year; leaving before ``[sign_on] clawback_months`` repays every
  sign-on amount received and the relocation (the file has one clawback, so it is taken to cover both);
- benefits (retirement match, health, ESPP) are left out: they are not a lump one keeps or repays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.offer.models import Offer, SignOn
from offercheck.pay.comp import base_in_year, bonus_in_year
from offercheck.pay.equity_offer import exercise_on_leaving
from offercheck.pay.vesting import equity_vested, vested_by_year

if TYPE_CHECKING:
    from offercheck.pay.equity_cases import ExerciseCash

__all__ = ["COMPONENTS", "LeaveEarly", "clawback_at_stake", "leave_early", "sign_on_paid"]

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("salary", "Salary"),
    ("bonus", "Bonus"),
    ("equity", "Equity"),
    ("sign_on", "Sign-on"),
    ("relocation", "Relocation"),
)


@dataclass(frozen=True)
class LeaveEarly:
    """Money received by the end of month ``months`` of one offer, net of clawbacks, in one currency."""

    label: str
    months: int
    salary: float
    bonus: float
    equity: float
    sign_on: float  # paid minus repaid
    relocation: float  # paid minus repaid
    repaid: float  # sign-on and relocation clawed back
    notes: tuple[str, ...]
    # Private options vested by then: the cash to keep them within the exercise window, in the same currency.
    exercise: ExerciseCash | None = None

    @property
    def total(self) -> float:
        return self.salary + self.bonus + self.equity + self.sign_on + self.relocation

    @property
    def every_note(self) -> tuple[str, ...]:
        """``notes``, then what keeping the options costs: what every text format says."""
        return (*self.notes, *(self.exercise.notes if self.exercise is not None else ()))


def _notes(offer: Offer, months: int, full_years: int, part: int, repaid: float) -> tuple[str, ...]:
    notes = []
    bonus_paid = offer.bonus.target_percent is not None or bool(offer.bonus.amount)
    if bonus_paid and part:
        if offer.bonus.prorated:
            notes.append(f"bonus: pro rata for {part} months of year {full_years + 1} (the policy says so)")
        else:
            notes.append(f"bonus: none for the unfinished year {full_years + 1} (no pro-rata policy in the offer)")
    if offer.equity is not None:
        plan = offer.equity.vesting_plan
        every = {1: "monthly", 3: "quarterly", 6: "every six months", 12: "yearly"}[plan.vest_every_months]
        article = "an" if plan.cliff_months in (8, 11, 18) else "a"  # said "an eight", "an eleven", "an eighteen"
        cliff = f"after {article} {plan.cliff_months}-month cliff" if plan.cliff_months else "with no cliff"
        notes.append(f"equity: vests {every} {cliff}")
        if months < plan.cliff_months:
            notes.append(f"equity: leaving before the {plan.cliff_months}-month cliff forfeits all of it")
    if repaid:
        notes.append(f"sign-on and relocation repaid: leaving before the {offer.sign_on.clawback_months}-month "
                     "clawback")
    return tuple(notes)


def sign_on_paid(sign_on: SignOn, months: int) -> float:
    """Sign-on paid by the end of month ``months``: year y's is paid at its start, month 12 (y - 1)."""
    return sum(sign_on.in_year(y) for y in range(1, (months - 1) // 12 + 2))


def clawback_at_stake(sign_on: SignOn) -> float:
    """What leaving just before ``clawback_months`` repays: the sign-on paid by then plus the relocation (one
    clawback in the file, taken to cover both), in the offer's currency; 0 without a clawback."""
    if not sign_on.clawback_months:
        return 0.0
    return sign_on_paid(sign_on, sign_on.clawback_months) + sign_on.relocation


def leave_early(offer: Offer, months: int, *, fx: float = 1.0) -> LeaveEarly:
    """What ``offer`` has paid by the end of month ``months``, times ``fx`` (its currency -> the display one)."""
    if months < 1:
        raise ValueError("months must be at least 1")
    full_years, part = divmod(months, 12)
    salary = sum(base_in_year(offer, y) for y in range(1, full_years + 1))
    bonus = sum(bonus_in_year(offer, y, base_in_year(offer, y)) for y in range(1, full_years + 1))
    if part:
        partial_base = base_in_year(offer, full_years + 1)
        salary += partial_base * part / 12
        if offer.bonus.prorated:
            bonus += bonus_in_year(offer, full_years + 1, partial_base) * part / 12
    equity = equity_vested(offer.equity, months)[0]
    sign_on = sign_on_paid(offer.sign_on, months)
    relocation = offer.sign_on.relocation
    repaid = sign_on + relocation if months < offer.sign_on.clawback_months else 0.0
    kept = 0.0 if repaid else 1.0
    keep = None if offer.equity is None else exercise_on_leaving(
        offer, sum(vested_by_year(offer.equity.vesting_plan, months)), (months - 1) // 12 + 1, fx)
    return LeaveEarly(
        label=offer.label,
        months=months,
        salary=salary * fx,
        bonus=bonus * fx,
        equity=equity * fx,
        sign_on=sign_on * kept * fx,
        relocation=relocation * kept * fx,
        repaid=repaid * fx,
        notes=_notes(offer, months, full_years, part, repaid),
        exercise=keep,
    )
