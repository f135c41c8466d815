"""Helpers shared by the renderers."""

from __future__ import annotations

from offercheck.pay.comp import YearPay

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("base", "Base"),
    ("bonus", "Bonus"),
    ("sign_on", "Sign-on"),
    ("equity", "Equity"),
    ("benefits", "Benefits"),
)


def money(x: float) -> str:
    """Whole units with thousands separators: pay is negotiated in units, not cents."""
    return f"{x:,.0f}"


def markdown_text(text: str) -> str:
    """``text`` for a markdown table cell or heading: a pipe would end the cell early, a line break the row."""
    return " ".join(text.replace("|", "\\|").splitlines())


def cents(x: float) -> float:
    return round(x + 0.0, 2)


def year_dict(y: YearPay) -> dict[str, float | int]:
    """One ``years`` entry of the JSON contract."""
    out: dict[str, float | int] = {"year": y.year}
    for name, _ in COMPONENTS:
        out[name] = cents(getattr(y, name))
    out["equity_paper"] = cents(y.equity_paper)  # beside the chosen view in ``equity`` (DESIGN.md section 5)
    out["total"] = cents(y.total)
    return out
