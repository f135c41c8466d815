"""The benchmark file's schema (format FORMAT_VERSION): meta, sources and cells, as pydantic models.

A cell is keyed by role, experience band, country and optionally city (a missing key means "all"). It has base
quantiles and, where the data measured it, total quantiles with ``total_includes_equity``; a file built from total
pay alone has no base (``base`` may then be left out). A cell that borrows
a broader cell's distribution (too few rows of its own) says so in ``borrowed_from``, with the broader cell's
n, while ``n`` is the cell's own rows.
"""

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from offercheck.market.quantiles import Quantiles
from offercheck.offer.roles import EXPERIENCE_BANDS

__all__ = ["FORMAT_VERSION", "BenchmarkCell", "BenchmarkFile", "BenchmarkMeta", "BenchmarkSource", "BorrowedFrom",
           "CellKey", "plain"]

# 2: cells may have a city, total_includes_equity and borrowed_from; total is optional; n is the cell's own rows.
FORMAT_VERSION = 2

CellKey = tuple[str | None, str | None, str | None, str | None]  # role, experience band, country, city


def plain(text: str | None) -> str | None:
    """Lower case, single spaces: how role and city names are matched."""
    return " ".join(text.lower().split()) or None if isinstance(text, str) else None


class BenchmarkMeta(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow", defer_build=True)

    name: str = "benchmarks"
    format: int = 1  # absent in files older than format 2
    built: dt.date | None = None
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    description: str | None = None
    bonus_norm: float | None = Field(None, ge=0, le=2)  # typical bonus as a share of base; None: no norm
    bonus_source: str | None = None
    # True only for a norm measured in data (bonus as a share of base in a survey or payroll): a seed article's
    # range is not. A bonus ask cites only a measured norm (negotiation.bonus).
    bonus_norm_measured: bool = False


class BenchmarkSource(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow", defer_build=True)

    id: str = Field(min_length=1)
    title: str
    year: int = Field(ge=1900, le=2200)
    url: str | None = None
    licence: str | None = None
    # "survey" for survey cells: with no official anchor they are labelled "survey only" wherever shown.
    kind: str | None = None


class BorrowedFrom(BaseModel):
    """The broader cell whose distribution a thin cell uses, its n, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    cell: str
    n: int | None = Field(None, ge=1)
    why: str


class BenchmarkCell(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    role: str | None = None
    experience: str | None = None
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    city: str | None = None
    n: int | None = Field(None, ge=0)
    source: str | None = None  # a [[sources]] id; may be left out when the file has one source
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")  # default: meta.currency
    year: int | None = Field(None, ge=1900, le=2200)
    base: Quantiles | None = None  # None only with total pay including equity (a total-only survey)
    total: Quantiles | None = None
    total_includes_equity: bool = False
    method: str | None = None
    fallback: str | None = None
    borrowed_from: BorrowedFrom | None = None

    @field_validator("role")
    @classmethod
    def _plain(cls, v: str | None) -> str | None:
        return plain(v)

    @model_validator(mode="after")
    def _pay(self) -> "BenchmarkCell":
        if self.base is None and (self.total is None or not self.total_includes_equity):
            raise ValueError("base is required unless the cell has total quantiles with total_includes_equity = true")
        return self

    @field_validator("experience")
    @classmethod
    def _band(cls, v: str | None) -> str | None:
        if v is not None and v not in EXPERIENCE_BANDS:
            raise ValueError(f"must be one of {', '.join(EXPERIENCE_BANDS)}")
        return v

    @property
    def key(self) -> CellKey:
        # The city is kept as written (a metro's name is shown), and matched plain.
        return (self.role, self.experience, self.country, plain(self.city))


class BenchmarkFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    meta: BenchmarkMeta = BenchmarkMeta()
    sources: list[BenchmarkSource] = Field(min_length=1)
    seed_figures: dict[str, Any] | None = None
    # Validated one by one (see BenchmarkSet): the packaged file has hundreds of cells and a lookup needs one.
    cells: list[dict[str, Any]] = Field(min_length=1)
