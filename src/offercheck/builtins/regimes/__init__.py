"""Built-in tax regimes, one plugin per country, implementing ``offercheck_estimate_tax``.

Each module is registered at start-up like a factor (so ``--without tax_us`` works) and stays tiny: the tax
engine and its data are imported only when a regime is asked for an estimate, i.e. with ``--after-tax``.
"""
