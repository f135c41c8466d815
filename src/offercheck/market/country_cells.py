"""Survey cells of base pay for countries with no official anchor shipped (``data/market/country_cells.json``):
apart from :mod:`.premia`, whose tables every scored offer reads, as a run scoring only anchored offers does not
create this class."""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.market.premia import _load, _role_key, _source

__all__ = ["CountryCell", "country_cell"]


@dataclass(frozen=True)
class CountryCell:
    """Survey quantiles of base pay, in the country's currency, for one country, occupation and experience band."""

    country: str
    soc: str
    band: str
    p10: int
    p25: int
    p50: int
    p75: int
    p90: int
    n: int  # the cell's own rows
    own_n: int  # the same (kept for readers of the older table, where n was the broader cell's when borrowed)
    borrowed_from: str | None  # the broader cell a thin cell is shrunk toward, with its n
    note: str | None
    source: str
    reference_period: str
    currency: str = "USD"

    def quantiles(self) -> dict[str, int]:
        return {"p10": self.p10, "p25": self.p25, "p50": self.p50, "p75": self.p75, "p90": self.p90}


def country_cell(country: str, role_or_soc: str, band: str) -> CountryCell | None:
    """The survey cell for a non-US ``country`` (ISO code), a role (or SOC code) and experience band, in the
    country's currency, or None (a country with fewer than the table's ``min_n`` rows has none).

    A thin cell is shrunk toward a broader one of the same country: ``borrowed_from`` names it with its n and
    ``note`` says how, with the cell's own n.
    """
    table = _load("country_cells")
    soc = role_or_soc
    if role_or_soc not in _load("bls_anchor")["occupations"]:
        key = _role_key(role_or_soc)
        if key is None:
            return None
        soc = _load("bls_anchor")["roles"][key]
    cell = table["cells"].get(country.strip().upper(), {}).get(f"{soc}|{band}")
    if cell is None:
        return None
    borrowed = cell["borrowed_from"]
    return CountryCell(country.strip().upper(), soc, band, cell["p10"], cell["p25"], cell["p50"], cell["p75"],
                       cell["p90"], cell["n"], cell["n"],
                       None if borrowed is None else f"{borrowed['cell']} (n={borrowed['n']})", cell["note"],
                       _source(table), table["source"]["reference_period"], cell["currency"])
