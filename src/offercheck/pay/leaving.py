"""What one offer has paid by a leaving date (a pure type, apart from the computation in ``leave_early``)."""

from __future__ import annotations

from dataclasses import dataclass


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
    exercise_cash: float = 0.0  # private options: strike x vested shares, due within the exercise window

    @property
    def total(self) -> float:
        return self.salary + self.bonus + self.equity + self.sign_on + self.relocation
