"""What one offer has paid by a leaving date (a pure type, apart from the computation in ``leave_early``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.pay.equity import ExerciseCash


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
