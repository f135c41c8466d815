"""Hook specifications: the contract between offercheck and its plugins (DESIGN.md section 3).

A plugin is any module or object with functions named like these and decorated with ``offercheck.hookimpl``.
Arguments may be omitted from an implementation's signature: pluggy passes only the ones it asks for. Every type
named here is exported by ``offercheck`` itself (``from offercheck import Offer, Benchmark, ...``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    import click
    from pydantic import BaseModel

    from offercheck.market.adjustments import Adjustment
    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.negotiation.points import TalkingPoint
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable
    from offercheck.results import Evaluation
    from offercheck.tax.engine import TaxResult

hookspec = pluggy.HookspecMarker("offercheck")
hookimpl = pluggy.HookimplMarker("offercheck")


@hookspec
def offercheck_adjust(offer: Offer, benchmark: Benchmark) -> Adjustment | None:
    """Adjust the market benchmark for one aspect of ``offer`` (a *factor*).

    ``benchmark`` is the :class:`offercheck.Benchmark` cell chosen for the offer (its ``keyed_by`` says which
    dimensions it is already specific to, so a factor does not count them twice). Return an
    :class:`offercheck.Adjustment`, or None when this factor has nothing to say about this offer.
    Never adjust by gender or any other protected attribute.

    .. versionadded:: 0.1.0
    """


@hookspec
def offercheck_talking_points(offer: Offer, evaluation: Evaluation, others: Sequence[Evaluation]) -> list[TalkingPoint]:
    """Extra negotiation points for ``offer``.

    ``evaluation`` is the offer's :class:`offercheck.Evaluation` (pay by year, benchmark, score); ``others`` are
    the evaluations of the competing offers. Return a list of :class:`offercheck.TalkingPoint` (empty for none);
    they are ranked with the built-in points by dollar impact.

    .. versionadded:: 0.1.0
    """


@hookspec
def offercheck_register_benchmarks(register: Callable[[BenchmarkSet | str | Path], None]) -> None:
    """Provide benchmark tables, e.g. a company's internal salary bands.

    Call ``register(benchmark_set)`` with an :class:`offercheck.BenchmarkSet` (or the path of a benchmark TOML
    file); registered cells take precedence over the built-in ones.

    .. versionadded:: 0.1.0
    """


@hookspec
def offercheck_register_commands(cli: click.Group) -> None:
    """Add commands to the ``offercheck`` command group, e.g. ``@cli.command() def mine(): ...``.

    .. versionadded:: 0.1.0
    """


@hookspec(firstresult=True)
def offercheck_estimate_tax(offer: Offer, year_pay: YearPay, tax_year: int, rates: RateTable) -> TaxResult | None:
    """Estimate the taxes on ``year_pay`` (an :class:`offercheck.YearPay`, in the offer's currency) for the offer's
    jurisdiction.

    ``rates`` is the comparison's :class:`offercheck.RateTable`: convert wages to the regime's currency with it.
    Return an :class:`offercheck.TaxResult` with its :class:`offercheck.TaxLine` lines, or None when this regime
    does not cover the offer's country or subdivision. The first non-None result is used.

    .. versionadded:: 0.1.0
    """


@hookspec
def offercheck_plugin_settings() -> dict[str, type[BaseModel]]:
    """Declare pydantic models for ``[plugins.NAME]`` tables in offer files: ``{"NAME": Model}``.

    Offer files' ``[plugins.NAME]`` tables are validated with the model, and errors are reported like core
    ones (file, field, message).

    .. versionadded:: 0.1.0
    """
