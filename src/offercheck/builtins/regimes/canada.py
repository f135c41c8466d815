"""Tax regime plugin: Canada federal and provincial (ON, BC) income tax, CPP/CPP2 and EI."""

from offercheck.builtins.regimes import regime

offercheck_estimate_tax = regime("CA", "canada", "subdivision", "tax_year", "wages", "pretax_deferral")
