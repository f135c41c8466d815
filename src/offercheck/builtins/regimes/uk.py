"""Tax regime plugin: UK income tax (Scottish rates in Scotland) and employee National Insurance."""

from offercheck.builtins.regimes import regime

offercheck_estimate_tax = regime("GB", "uk", "subdivision", "city", "tax_year", "wages", "pretax_deferral")
