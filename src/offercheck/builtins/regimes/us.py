"""Tax regime plugin: US federal income tax, Social Security, Medicare and the supported states."""

from offercheck.builtins.regimes import regime

offercheck_estimate_tax = regime("US", "us", "subdivision", "city", "filing_status", "tax_year", "wages",
                                 "pretax_deferral")
