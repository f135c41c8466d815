"""Checks for the private-equity keys of ``[equity]`` (DESIGN.md sections 2, 5 and 8; issue 17).

Errors name the field (``equity.liquidity_probability: must be between 0 and 1 (got 30; did you mean 0.30?)``);
likely mistakes that are still valid are warnings, as section 2 asks. Works on the raw TOML table, so the
offer models can call it from a validator.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

__all__ = ["PRIVATE_ONLY_KEYS", "PRIVATE_TERM_KEYS", "check_private_terms", "private_terms_warnings",
           "public_company_errors"]

# Keys that only mean something while the shares cannot be sold: a public company's file must not give them.
# exercise_window_days and exercise_year stay allowed: public options have a window and an exercise year too.
PRIVATE_ONLY_KEYS: tuple[str, ...] = (
    "liquidity_probability", "dilution_percent_per_round", "rounds_to_exit", "preferred_price", "double_trigger",
    "exit_prices", "liquidity_year",
)
PRIVATE_TERM_KEYS: tuple[str, ...] = (*PRIVATE_ONLY_KEYS, "exercise_window_days", "exercise_year")
MAX_YEAR = 50  # the longest horizon an offer file can mean


def _number(v: object) -> float | None:
    """``v`` as a finite float, or None. TOML booleans are ints to Python: `true` must not pass for 1."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return None
    return float(v)


def _got(v: object) -> str:
    return f"{v:g}" if isinstance(v, float) else repr(v) if isinstance(v, str) else str(v)


def _number_in(lo: float, hi: float, unit: str) -> Callable[[object], str | None]:
    def check(v: object) -> str | None:
        x = _number(v)
        if x is None:
            return f"must be a finite number (got {_got(v)})"
        return None if lo <= x <= hi else f"must be between {lo:g} and {hi:g}{unit} (got {_got(v)})"

    return check


def _probability(v: object) -> str | None:
    problem = _number_in(0, 1, "")(v)
    x = _number(v)
    if problem and x is not None and 1 < x <= 100:
        # 30 for 30%: the most likely slip, so name the fraction meant.
        return f"must be between 0 and 1 (got {_got(v)}; did you mean {x / 100:.2f}?)"
    return problem


def _whole_in(lo: int, hi: int, unit: str) -> Callable[[object], str | None]:
    def check(v: object) -> str | None:
        if not isinstance(v, int) or isinstance(v, bool):
            return f"must be a whole number of {unit} (got {_got(v)})"
        return None if lo <= v <= hi else f"must be between {lo} and {hi} {unit} (got {v})"

    return check


def _positive_price(v: object) -> str | None:
    x = _number(v)
    return None if x is not None and x > 0 else f"must be a positive, finite price per share (got {_got(v)})"


def _boolean(v: object) -> str | None:
    return None if isinstance(v, bool) else f"must be true or false (got {_got(v)})"


_CHECKS: dict[str, Callable[[object], str | None]] = {
    "liquidity_probability": _probability,
    "dilution_percent_per_round": _number_in(0, 90, " percent"),
    "rounds_to_exit": _whole_in(0, 10, "rounds"),
    "preferred_price": _positive_price,
    "exercise_window_days": _whole_in(0, 3650, "days"),
    "double_trigger": _boolean,
    "exercise_year": _whole_in(1, MAX_YEAR, "years"),
    "liquidity_year": _whole_in(1, MAX_YEAR, "years"),
}


def _exit_prices(v: object) -> list[str]:
    if not isinstance(v, (list, tuple)):
        return [f"equity.exit_prices: must be a list of prices per share, e.g. [10, 20, 50] (got {_got(v)})"]
    if len(v) > 20:
        return [f"equity.exit_prices: at most 20 prices (got {len(v)})"]
    return [f"equity.exit_prices[{i}]: {problem}" for i, p in enumerate(v) if (problem := _positive_price(p))]


def check_private_terms(table: Mapping[str, object], *, kind: str = "options") -> list[str]:
    """Errors for the private-equity keys in the ``[equity]`` ``table`` (other keys are not looked at)."""
    errors = [f"equity.{key}: {problem}" for key, check in _CHECKS.items()
              if key in table and (problem := check(table[key]))]
    if "exit_prices" in table:
        errors += _exit_prices(table["exit_prices"])
    if kind == "rsu":
        errors += [f"equity.{k}: is for kind = 'options'" for k in ("exercise_window_days", "exercise_year")
                   if k in table]
    elif "double_trigger" in table:
        errors.append("equity.double_trigger: is for kind = 'rsu' (options are taxed at exercise)")
    return errors


def private_terms_warnings(table: Mapping[str, object]) -> list[str]:
    """Valid values that are probably mistakes (a fraction for a percent, years for days)."""
    warnings = []
    d = _number(table.get("dilution_percent_per_round"))
    if d is not None and 0 < d < 1:
        warnings.append(f"equity.dilution_percent_per_round: {d:g} looks like a fraction; it is read as {d:g}%: "
                        f"did you mean {d * 100:g}?")
    w = table.get("exercise_window_days")
    if isinstance(w, int) and not isinstance(w, bool) and 1 <= w <= 10:
        warnings.append(f"equity.exercise_window_days: {w} days looks like years; did you mean {w * 365} "
                        f"({w} x 365 days)?")
    return warnings


def public_company_errors(table: Mapping[str, object]) -> list[str]:
    """Errors for private-only keys given in the ``[equity]`` table of a public company (company.public = true)."""
    return [f"equity.{k}: only for private companies (company.public = false); a public company's shares can be "
            "sold, so remove it" for k in PRIVATE_ONLY_KEYS if k in table]
