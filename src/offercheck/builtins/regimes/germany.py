"""Tax regime plugin: Germany income tax (section 32a EStG), solidarity surcharge and employee social contributions."""

from offercheck.builtins.regimes import regime

offercheck_estimate_tax = regime("DE", "germany", "filing_status", "tax_year", "wages", "pretax_deferral")
