"""Layout of the HTML report's inline-SVG charts: pure geometry, no markup.

The templates (``data/templates/html/charts.html.j2``) draw what these functions place, so every label reaches
the page through jinja2's autoescaping. A small layout module rather than a chart library: the charts need no
script, follow the page's light/dark colours through CSS, carry ``data-*`` attributes that tests can read, and
come out byte-for-byte stable for golden files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.render.common import COMPONENTS, money_short, wrap

if TYPE_CHECKING:
    from offercheck.market.benchmarks import Quantiles
    from offercheck.market.position import Percentile
    from offercheck.pay.comp import YearPay

# Plot margins in px; the left margin holds the axis labels.
_TOP, _BOTTOM, _LEFT, _RIGHT = 28.0, 62.0, 64.0, 16.0
_LABEL_CHAR_PX = 8.5  # generous average width of a character of the 13px bold offer labels, for wrapping them


@dataclass(frozen=True)
class Tick:
    value: float
    pos: float  # y on a vertical axis, x on a horizontal one
    label: str


@dataclass(frozen=True)
class Segment:
    """One component of one bar; ``y`` is its top edge."""

    component: str
    title: str
    value: float
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    year: int
    x: float
    width: float
    total: float
    top: float  # y of the top of the stack, where the total is written
    segments: tuple[Segment, ...]
    year_label: bool  # every year when there is room, else years 1, 5, 10, ...


@dataclass(frozen=True)
class BarGroup:
    """The bars of one offer, one per year, with the offer's label (wrapped to the group's width) under them."""

    label: str
    lines: tuple[str, ...]
    centre: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class StackedBars:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float  # y of the zero line
    ticks: tuple[Tick, ...]
    groups: tuple[BarGroup, ...]
    # Totals are left out when bars are too narrow to hold them (long horizons, many offers); the bars' tooltips
    # and the table under the chart still give every figure.
    value_labels: bool


def nice_step(span: float, target: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``target`` intervals over ``span``."""
    raw = span / target if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _ticks(lo: float, hi: float, step: float, start: float, px_per_unit: float) -> tuple[Tick, ...]:
    """Ticks every ``step`` from ``lo`` to ``hi``; ``px_per_unit`` is negative on a vertical axis (y grows down)."""
    return tuple(Tick(lo + i * step, start + i * step * px_per_unit, money_short(lo + i * step))
                 for i in range(round((hi - lo) / step) + 1))


def stacked_bars(series: Sequence[tuple[str, Sequence[YearPay]]], *, width: float = 960.0,
                 height: float = 420.0) -> StackedBars:
    """Bars of total pay per year, grouped by offer (in the order given), stacked by component from the axis up."""
    peak = max((y.total for _, years in series for y in years), default=0.0)
    step = nice_step(peak or 1.0)
    axis_max = math.ceil((peak or 1.0) / step) * step
    plot_h = height - _TOP - _BOTTOM
    scale = plot_h / axis_max
    bottom = height - _BOTTOM
    slot = (width - _LEFT - _RIGHT) / max(len(series), 1)
    # A gap of one bar width between groups; bars within a group touch but for a 2px gutter.
    bar_w = slot / (max((len(years) for _, years in series), default=1) + 1)
    groups = []
    for i, (label, years) in enumerate(series):
        x0 = _LEFT + i * slot + bar_w / 2
        bars = []
        for j, y in enumerate(years):
            segments, top = [], bottom
            for name, title in COMPONENTS:
                value: float = getattr(y, name)
                if value <= 0:
                    continue
                h = value * scale
                top -= h
                segments.append(Segment(name, title, value, top, h))
            bars.append(Bar(y.year, x0 + j * bar_w + 1, bar_w - 2, y.total, top, tuple(segments),
                            year_label=bar_w >= 18 or y.year == 1 or y.year % 5 == 0))
        chars = max(int(0.95 * slot / _LABEL_CHAR_PX), 8)
        lines = wrap(label, chars, hyphens=True, max_lines=2) or [label]
        groups.append(BarGroup(label, tuple(lines), _LEFT + (i + 0.5) * slot, tuple(bars)))
    ticks = _ticks(0.0, axis_max, step, bottom, -scale)
    return StackedBars(width, height, _LEFT, width - _RIGHT, _TOP, bottom, ticks, tuple(groups),
                       value_labels=bar_w >= 30)


@dataclass(frozen=True)
class RangeRow:
    """One line of a market chart: the offer's figure against the adjusted market quantiles (as x positions)."""

    name: str  # what the row shows, e.g. "base", "total"; a data attribute in the page
    title: str
    y: float
    value: float
    value_x: float
    percentile: str
    p25_x: float
    p50_x: float
    p75_x: float
    p10_x: float | None
    p90_x: float | None
    quantiles: Quantiles


@dataclass(frozen=True)
class MarketChart:
    label: str
    width: float
    height: float
    left: float
    right: float
    axis_y: float
    ticks: tuple[Tick, ...]
    rows: tuple[RangeRow, ...]


@dataclass(frozen=True)
class MarketRow:
    """What a market chart shows on one line: a figure of the offer, its market and where it falls."""

    name: str
    title: str
    value: float
    quantiles: Quantiles
    percentile: Percentile


_ROW_H, _ROW_LEFT = 44.0, 150.0


def market_charts(offers: Sequence[tuple[str, Sequence[MarketRow]]], *,
                  width: float = 960.0) -> tuple[MarketChart, ...]:
    """One chart per offer, all on the same pay axis so that offers can be compared by eye."""
    points = [v for _, rows in offers for r in rows
              for v in (r.value, r.quantiles.p10 or r.quantiles.p25, r.quantiles.p90 or r.quantiles.p75)]
    lo, hi = min(points, default=0.0), max(points, default=1.0)
    step = nice_step(hi - lo if hi > lo else hi or 1.0)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    hi = hi if hi > lo else lo + step
    right = width - _RIGHT - 24  # room for the value label of a figure at the far right
    scale = (right - _ROW_LEFT) / (hi - lo)

    def x(v: float) -> float:
        return _ROW_LEFT + (v - lo) * scale

    charts = []
    for label, rows in offers:
        placed = []
        for k, r in enumerate(rows):
            q = r.quantiles
            placed.append(RangeRow(
                r.name, r.title, 12 + (k + 0.5) * _ROW_H, r.value, x(r.value), str(r.percentile),
                x(q.p25), x(q.p50), x(q.p75),
                None if q.p10 is None else x(q.p10), None if q.p90 is None else x(q.p90), q,
            ))
        axis_y = 12 + len(rows) * _ROW_H + 4
        charts.append(MarketChart(label, width, axis_y + 24, _ROW_LEFT, right, axis_y,
                                  _ticks(lo, hi, step, _ROW_LEFT, scale), tuple(placed)))
    return tuple(charts)
